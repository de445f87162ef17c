// Regression detection over drill history: pure, from journals only.
export { regressions, type Regression, type RegressionFigure, type RegressionOptions } from "./regressions.ts";
export { regressionLines, regressionText } from "./render.ts";
