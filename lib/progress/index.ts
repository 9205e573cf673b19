export { recordLessonEvent, recordAttempt, attemptsByQuestion, refreshCompletion, lessonStats, PASS_RATIO, type LessonStats } from "./progress";
export { mergeGuestInto } from "./merge";
export { checkAnswer, answerQuestion, quizState, checkProgress, recordProgress, readJson, readQuery, localeQuery, quizStateQuery, type ApiResult, type Checked } from "./api";
export { itemStatistics, computeItemStatistics, type ItemStatistics } from "./items";
export { ratingOf, reviewAnswer, dueReviews, dueCount, nextDue } from "./review";
export { computeMastery, OPEN_BELOW, type Mastery } from "./mastery";
export { masteryFor } from "./mastery-db";
export { exportData, deleteAccount } from "./account";
export { activityByDay, currentStreak, longestStreak, calendarWeeks, dayKey } from "./activity";
