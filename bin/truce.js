#!/usr/bin/env node
// The `truce` command. Runs the compiled CLI (npm install builds it; see README).
import '../dist/cli/bin.js';
