export { recordLessonEvent, recordAttempt, latestAttempts, lessonStats, PASS_RATIO, type LessonStats } from "./progress";
export { checkAnswer, answerQuestion, quizState, checkProgress, recordProgress, readJson, type ApiResult } from "./api";
