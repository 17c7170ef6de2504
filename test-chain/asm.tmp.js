const solc = require("solc"); const fs = require("fs"); const path = require("path");
const input = { language: "Solidity", sources: { "V.sol": { content: fs.readFileSync(process.argv[2], "utf8") } },
  settings: { evmVersion: "cancun", optimizer: { enabled: true, runs: 200 }, outputSelection: { "*": { "*": ["evm.deployedBytecode.opcodes"] } } } };
const out = JSON.parse(solc.compile(JSON.stringify(input), { import: (p) => ({ contents: fs.readFileSync(path.join("..", p), "utf8") }) }));
for (const [n, c] of Object.entries(out.contracts["V.sol"])) console.log(c.evm.deployedBytecode.opcodes);
