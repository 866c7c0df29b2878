export { runCli, createProgram } from "./main";
export type { CliContext } from "./cli-context";
export { EXIT } from "./exit-codes";
export { configSchema, loadConfig, parseConfig, saveConfig, CONFIG_FILE } from "./config";
export type { JincaiConfig } from "./config";
export { renderTable } from "./render/table";
export type { TableColumn } from "./render/table";
export { csvLine } from "./render/csv-line";
