export { listLessons, getLesson, lessonExists, frontmatterSchema, type LessonSummary, type CompiledLesson, type LessonFrontmatter } from "./lessons";
export { loadQuestionFiles, questionsForLesson, findQuestion } from "./questions";
export { loadPreset, loadPresetInputs, listPresetNames } from "./scenarios";
export { LESSON_COMPONENTS } from "./mdx-components-check";
