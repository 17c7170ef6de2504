// Hardhat 2 configuration for zkml4j's local test chain.
//
// Offline by design: this machine (and CI) reaches only package registries, so nothing here may
// download at run time. `hardhat node` needs no compiler at all. Should anyone run
// `hardhat compile`, the subtask override below hands Hardhat the solc-js build that npm already
// installed (package.json pins it) instead of letting Hardhat fetch a compiler.
//
// EVM version: the chain runs HARDFORK and solc compiles for EVM_VERSION; the two must stay equal
// (or the compiler must target an older fork than the chain), otherwise bytecode may use opcodes
// the chain rejects. Hardhat 2.29's own default hardfork is "osaka", newer than solc 0.8.28
// knows, hence the explicit pin. scripts/compile.js must pass the same evmVersion to solc.
const path = require("path");
const { subtask } = require("hardhat/config");
const {
  TASK_COMPILE_SOLIDITY_GET_SOLC_BUILD,
  TASK_COMPILE_SOLIDITY_GET_SOURCE_PATHS,
} = require("hardhat/builtin-tasks/task-names");

const HARDFORK = "cancun";
const EVM_VERSION = HARDFORK;
const SOLC_VERSION = require("solc/package.json").version;

subtask(TASK_COMPILE_SOLIDITY_GET_SOLC_BUILD, async (args, hre, runSuper) => {
  if (args.solcVersion !== SOLC_VERSION) {
    throw new Error(
      `zkml4j compiles offline with the npm solc ${SOLC_VERSION} only; ` +
        `the configuration asked for ${args.solcVersion}`
    );
  }
  const solc = require("solc");
  return {
    compilerPath: require.resolve("solc/soljson.js"),
    isSolcJs: true,
    version: SOLC_VERSION,
    longVersion: solc.version(),
  };
});

// contracts/generated/ is git-ignored build output (verifiers written for compilation by codegen
// and the ITs, possibly many with the same contract name, possibly half-written); Hardhat compiles
// only the hand-written contracts.
const GENERATED = path.join(__dirname, "..", "contracts", "generated") + path.sep;
subtask(TASK_COMPILE_SOLIDITY_GET_SOURCE_PATHS, async (args, hre, runSuper) => {
  const paths = await runSuper(args);
  return paths.filter((p) => !path.resolve(p).startsWith(GENERATED));
});

/** @type import('hardhat/config').HardhatUserConfig */
module.exports = {
  solidity: {
    version: SOLC_VERSION,
    settings: {
      evmVersion: EVM_VERSION,
      optimizer: { enabled: true, runs: 200 },
    },
  },
  defaultNetwork: "hardhat",
  networks: {
    hardhat: {
      hardfork: HARDFORK,
      chainId: 31337,
    },
    localhost: {
      url: "http://127.0.0.1:8545",
      chainId: 31337,
    },
  },
  // Hardhat 2 refuses to compile sources outside its project root (error HH1007), so the root is
  // the repository and the sources are its top-level contracts/ folder; Hardhat's own output stays
  // inside test-chain/ (git-ignored).
  paths: {
    root: path.join(__dirname, ".."),
    sources: path.join(__dirname, "..", "contracts"),
    tests: path.join(__dirname, "test"),
    cache: path.join(__dirname, "cache"),
    artifacts: path.join(__dirname, "artifacts"),
  },
};
