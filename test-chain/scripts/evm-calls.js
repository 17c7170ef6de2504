#!/usr/bin/env node
// Deploys contracts on Hardhat's in-process EVM (network "hardhat": hardfork cancun, see
// hardhat.config.js; no node, no port) and runs calls against them, reporting results and gas.
// Callers compute all calldata themselves; this script knows no ABI.
//
//   node scripts/evm-calls.js SPEC.json
//
// SPEC: {
//   "deploy": [{"label": "ours", "bytecode": "0x60..."}],             creation code, no arguments
//   "calls":  [{"label": "valid", "to": "ours", "data": "0x..."}]     `to` is a deploy label
// }
// Every call runs twice from the first dev account: as eth_call (its return data or revert data)
// and as a transaction (its receipt's gasUsed), in a fresh snapshot each time, so calls do not
// influence each other.
//
// Prints one JSON object to stdout:
// {
//   "deployments": {"ours": {"address", "gasUsed", "codeSize"}},
//   "calls": [{"label", "reverted", "returnData", "gasUsed", "calldataGas", "executionGas"}]
// }
// where returnData is the eth_call's return data, or its revert data when reverted = true,
// calldataGas = 16 per non-zero and 4 per zero calldata byte (EIP-2028), and
// executionGas = gasUsed - 21000 - calldataGas (no access list, no contract creation).
// Exits 1 with a message on stderr when a deployment fails or the spec is malformed.
"use strict";

const fs = require("fs");
const path = require("path");

const TX_GAS_LIMIT = "0x1c9c380"; // 30,000,000: Hardhat's default block gas limit

function fail(message) {
  process.stderr.write(`evm-calls.js: ${message}\n`);
  process.exit(1);
}

function hexData(value, what) {
  if (typeof value !== "string" || !/^0x([0-9a-fA-F]{2})*$/.test(value)) {
    fail(`${what} must be a 0x-prefixed even-length hex string`);
  }
  return value.toLowerCase();
}

function calldataGas(data) {
  let gas = 0;
  for (let i = 2; i < data.length; i += 2) gas += data.substr(i, 2) === "00" ? 4 : 16;
  return gas;
}

// Hardhat reports a revert of eth_call as an error; where the return data sits differs between
// versions, so look in the usual places.
function revertData(error) {
  for (const candidate of [error.data, error.data && error.data.data, error.error && error.error.data]) {
    if (typeof candidate === "string" && /^0x[0-9a-fA-F]*$/.test(candidate)) return candidate.toLowerCase();
  }
  return null;
}

async function main() {
  if (process.argv.length !== 3) fail("usage: node scripts/evm-calls.js SPEC.json");
  const spec = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
  process.chdir(path.join(__dirname, ".."));
  process.env.HARDHAT_NETWORK = "hardhat";
  const hre = require("hardhat");
  const provider = hre.network.provider;
  const request = (method, params = []) => provider.request({ method, params });
  const [from] = await request("eth_accounts");

  const deployments = {};
  for (const d of spec.deploy || []) {
    const data = hexData(d.bytecode, `deploy ${d.label}: bytecode`);
    const hash = await request("eth_sendTransaction", [{ from, data, gas: TX_GAS_LIMIT }]);
    const receipt = await request("eth_getTransactionReceipt", [hash]);
    if (receipt.status !== "0x1" || !receipt.contractAddress) fail(`deploying ${d.label} failed`);
    const code = await request("eth_getCode", [receipt.contractAddress, "latest"]);
    deployments[d.label] = {
      address: receipt.contractAddress,
      gasUsed: parseInt(receipt.gasUsed, 16),
      codeSize: (code.length - 2) / 2,
    };
  }

  const calls = [];
  for (const c of spec.calls || []) {
    const target = deployments[c.to];
    if (!target) fail(`call ${c.label}: no deployment labelled ${c.to}`);
    const tx = { from, to: target.address, data: hexData(c.data, `call ${c.label}: data`), gas: TX_GAS_LIMIT };

    let reverted = false;
    let returnData;
    try {
      returnData = await request("eth_call", [tx, "latest"]);
    } catch (e) {
      reverted = true;
      returnData = revertData(e);
      if (returnData === null) fail(`call ${c.label}: eth_call failed without revert data: ${e.message}`);
    }

    const snapshot = await request("evm_snapshot");
    let receipt;
    try {
      const hash = await request("eth_sendTransaction", [tx]);
      receipt = await request("eth_getTransactionReceipt", [hash]);
    } catch (e) {
      // Hardhat throws on a reverted transaction; the receipt is still mined.
      const hash = e.transactionHash || (e.data && e.data.transactionHash);
      receipt = hash ? await request("eth_getTransactionReceipt", [hash]) : null;
    }
    await request("evm_revert", [snapshot]);

    const gasUsed = receipt ? parseInt(receipt.gasUsed, 16) : null;
    const dataGas = calldataGas(tx.data);
    calls.push({
      label: c.label,
      reverted,
      returnData,
      gasUsed,
      calldataGas: dataGas,
      executionGas: gasUsed === null ? null : gasUsed - 21000 - dataGas,
    });
  }
  process.stdout.write(JSON.stringify({ deployments, calls }, null, 2) + "\n");
}

main().catch((e) => fail(e.stack || String(e)));
