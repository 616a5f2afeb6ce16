#!/usr/bin/env node
// Committed launcher: npm links a workspace bin only if the file exists at
// install time, so this file is not a build output. It loads the built CLI.
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv.slice(2));
