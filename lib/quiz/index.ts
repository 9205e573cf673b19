export * from "./schema";
export * from "./grade";
export * from "./public";
export { certaintyMark } from "./confidence";
export { explainMatches, normalise } from "./explain";
export { questionProblems, countProblems, REQUIRED_PER_LESSON } from "./consistency";
export { rightResponse, wrongResponse } from "./sample-responses";
export { withVariant } from "./variant";
