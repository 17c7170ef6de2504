#!/usr/bin/env node
// Compiles Solidity files with compile.js (same solc-js, settings and import resolution) and
// writes, per contract defined in the FILEs, the two inputs web3j's wrapper generator
// (org.web3j.codegen.SolidityFunctionWrapperGenerator) reads:
//
//   <Name>.abi   the ABI as a JSON array
//   <Name>.bin   the creation bytecode as hex without "0x" and without a newline (the generator
//                embeds the text verbatim); only for contracts that have one
//                (interfaces and abstract contracts get no .bin: the generator then emits no
//                deploy methods)
//
//   node scripts/abi-bin.js --out DIR [compile.js options]... FILE.sol...
//
// compile.js's own JSON artifacts are written to DIR/json. Exits with compile.js's status (and
// its messages on stderr) when compilation fails; 2 for bad usage. Used by the deployer module's
// Maven build (generate-sources) to produce its generated web3j wrappers.
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

function usage(message) {
  process.stderr.write(
    `abi-bin.js: ${message}\n` +
      "usage: node scripts/abi-bin.js --out DIR [--runs N] [--include DIR]... FILE.sol...\n"
  );
  process.exit(2);
}

function main() {
  const argv = process.argv.slice(2);
  const outIndex = argv.indexOf("--out");
  if (outIndex < 0 || outIndex + 1 >= argv.length) usage("--out DIR is required");
  const out = path.resolve(argv[outIndex + 1]);
  const jsonDir = path.join(out, "json");
  const rest = argv.slice(0, outIndex).concat(argv.slice(outIndex + 2));

  const compile = spawnSync(
    process.execPath,
    [path.join(__dirname, "compile.js"), "--out", jsonDir, ...rest],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 64 * 1024 * 1024 }
  );
  if (compile.error) throw compile.error;
  if (compile.status !== 0) process.exit(compile.status === null ? 1 : compile.status);

  const summary = JSON.parse(compile.stdout);
  for (const { contractName, file } of summary.contracts) {
    const artifact = JSON.parse(fs.readFileSync(file, "utf8"));
    if (!Array.isArray(artifact.abi)) {
      process.stderr.write(`abi-bin.js: ${file} has no ABI array\n`);
      process.exit(1);
    }
    const abiFile = path.join(out, `${contractName}.abi`);
    const binFile = path.join(out, `${contractName}.bin`);
    fs.writeFileSync(abiFile, JSON.stringify(artifact.abi) + "\n");
    if (artifact.bytecode) {
      if (!/^[0-9a-f]+$/.test(artifact.bytecode)) {
        process.stderr.write(`abi-bin.js: ${contractName} has unlinked or malformed bytecode\n`);
        process.exit(1);
      }
      // No trailing newline: the generator embeds the file's text verbatim as BINARY.
      fs.writeFileSync(binFile, artifact.bytecode);
    } else if (fs.existsSync(binFile)) {
      fs.unlinkSync(binFile);
    }
    process.stdout.write(
      `abi-bin.js: ${contractName} (${artifact.sourceName}, solc ${artifact.compiler}): ` +
        `${path.relative(process.cwd(), abiFile)}` +
        (artifact.bytecode ? `, ${path.relative(process.cwd(), binFile)}` : ", no bytecode") +
        "\n"
    );
    for (const w of artifact.warnings || []) process.stderr.write(`${w}\n`);
  }
}

main();
