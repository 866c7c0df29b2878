export { runCli, createProgram } from "./main";
export type { CliContext } from "./cli-context";
export { EXIT } from "./exit-codes";
