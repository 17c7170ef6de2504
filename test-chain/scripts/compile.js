#!/usr/bin/env node
// Compiles Solidity files with the pinned solc-js (standard JSON) and writes one JSON file per
// contract: {contractName, sourceName, compiler, abi, bytecode, deployedBytecode, warnings}.
//
//   node scripts/compile.js --out DIR [--runs N] [--include DIR]... FILE.sol...
//
// Source unit names are paths relative to the repository root when the file lies inside it
// ("contracts/generated/Groth16Verifier.sol"), absolute paths otherwise. Imports resolve, in this
// order, as an absolute path, then against every --include directory, then against the repository
// root, so `import "contracts/interfaces/IZkmlVerifier.sol";` works from any file. Relative
// imports ("./X.sol") are resolved by solc against the importing unit's name first.
//
// Only the contracts defined in the FILEs given on the command line are written (not the ones
// they import). Each contract's `warnings` lists solc's formatted warnings located in its own
// source file plus those without a location. bytecode/deployedBytecode are lower-case hex
// without "0x" (empty for interfaces and abstract contracts).
//
// On success, stdout carries a JSON summary {compiler, evmVersion, optimizerRuns, contracts:
// [{contractName, sourceName, file}], warnings}. On any compiler error the script writes solc's
// formatted messages to stderr and exits 1 (2 for bad usage); nothing is written then.
//
// EVM version: must equal the chain's hardfork in hardhat.config.js ("cancun"); change both
// together or not at all.
"use strict";

const fs = require("fs");
const path = require("path");
const solc = require("solc");

const EVM_VERSION = "cancun";
const DEFAULT_RUNS = 200;
const REPO_ROOT = path.resolve(__dirname, "..", "..");

function usage(message) {
  process.stderr.write(
    `compile.js: ${message}\n` +
      "usage: node scripts/compile.js --out DIR [--runs N] [--include DIR]... FILE.sol...\n"
  );
  process.exit(2);
}

function parseArgs(argv) {
  const args = { out: null, runs: DEFAULT_RUNS, includes: [], files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    if (a === "--out") args.out = path.resolve(value());
    else if (a === "--runs") {
      const v = value();
      if (!/^[0-9]+$/.test(v) || Number(v) < 1 || Number(v) > 4294967295) {
        usage(`--runs expects an integer in [1, 2^32 - 1] but got ${v}`);
      }
      args.runs = Number(v);
    } else if (a === "--include") args.includes.push(path.resolve(value()));
    else if (a.startsWith("--")) usage(`unknown option ${a}`);
    else args.files.push(path.resolve(a));
  }
  if (!args.out) usage("--out DIR is required");
  if (args.files.length === 0) usage("no .sol files given");
  return args;
}

function sourceUnitName(file) {
  const rel = path.relative(REPO_ROOT, file);
  const inside = rel && !rel.startsWith("..") && !path.isAbsolute(rel);
  return (inside ? rel : file).split(path.sep).join("/");
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const sources = {};
  const wanted = new Set();
  for (const file of args.files) {
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) usage(`no such file: ${file}`);
    const name = sourceUnitName(file);
    sources[name] = { content: fs.readFileSync(file, "utf8") };
    wanted.add(name);
  }
  const roots = [...args.includes, REPO_ROOT];

  function findImports(importPath) {
    const candidates = path.isAbsolute(importPath)
      ? [importPath]
      : roots.map((root) => path.join(root, importPath));
    for (const candidate of candidates) {
      if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) {
        return { contents: fs.readFileSync(candidate, "utf8") };
      }
    }
    return { error: `File not found: ${importPath} (searched ${candidates.join(", ")})` };
  }

  const input = {
    language: "Solidity",
    sources,
    settings: {
      evmVersion: EVM_VERSION,
      optimizer: { enabled: true, runs: args.runs },
      outputSelection: {
        "*": { "*": ["abi", "evm.bytecode.object", "evm.deployedBytecode.object"] },
      },
    },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
  const diagnostics = output.errors || [];
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) {
    process.stderr.write(
      `solc ${solc.version()} failed to compile ${[...wanted].join(", ")}:\n` +
        errors.map((e) => e.formattedMessage || e.message).join("\n") +
        "\n"
    );
    process.exit(1);
  }
  const warnings = diagnostics.filter((d) => d.severity !== "error");
  const warningsOf = (sourceName) =>
    warnings
      .filter((w) => !w.sourceLocation || w.sourceLocation.file === sourceName)
      .map((w) => (w.formattedMessage || w.message).trimEnd());

  fs.mkdirSync(args.out, { recursive: true });
  const summary = {
    compiler: solc.version(),
    evmVersion: EVM_VERSION,
    optimizerRuns: args.runs,
    contracts: [],
    warnings: warnings.map((w) => (w.formattedMessage || w.message).trimEnd()),
  };
  const seen = new Map();
  for (const sourceName of Object.keys(output.contracts || {}).sort()) {
    if (!wanted.has(sourceName)) continue;
    for (const [contractName, c] of Object.entries(output.contracts[sourceName])) {
      if (seen.has(contractName)) {
        process.stderr.write(
          `compile.js: contract ${contractName} is defined in both ${seen.get(contractName)} and ` +
            `${sourceName}; compile them separately\n`
        );
        process.exit(1);
      }
      seen.set(contractName, sourceName);
      const file = path.join(args.out, `${contractName}.json`);
      const artifact = {
        contractName,
        sourceName,
        compiler: solc.version(),
        abi: c.abi,
        bytecode: c.evm.bytecode.object,
        deployedBytecode: c.evm.deployedBytecode.object,
        warnings: warningsOf(sourceName),
      };
      fs.writeFileSync(file, JSON.stringify(artifact, null, 2) + "\n");
      summary.contracts.push({ contractName, sourceName, file });
    }
  }
  process.stdout.write(JSON.stringify(summary, null, 2) + "\n");
}

main();
