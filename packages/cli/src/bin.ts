#!/usr/bin/env node
console.log("jincai");
