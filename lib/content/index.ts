export { listLessons, getLesson, lessonExists, presetsByLesson, frontmatterSchema, readingMinutes, type LessonSummary, type CompiledLesson, type LessonFrontmatter, type TocEntry } from "./lessons";
export { loadQuestionFiles, questionsForLesson, findQuestion, loadMisconceptions, type Misconception } from "./questions";
export { loadPreset, loadPresetChoices, loadPresetFile, listPresetNames, type PresetChoice } from "./scenarios";
export { LESSON_COMPONENTS } from "./mdx-components-check";
export { loadChains, chainProblems } from "./chains";
