#!/usr/bin/env node
import { runCli } from "./main";

// A closed pipe (`jincai summary | head`) ends output quietly instead of crashing.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

const context = {
  cwd: process.cwd(),
  env: process.env,
  out: (line: string) => void process.stdout.write(`${line}\n`),
  err: (line: string) => void process.stderr.write(`${line}\n`),
  isTTY: Boolean(process.stderr.isTTY),
  exitCode: 0,
};

runCli(process.argv, context).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`jincai: ${String(error)}\n`);
    process.exitCode = 2;
  },
);
