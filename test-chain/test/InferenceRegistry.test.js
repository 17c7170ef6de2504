// Registry logic of contracts/examples/InferenceRegistry.sol on Hardhat's in-process network, with
// contracts/test/MockVerifier.sol standing in for a Groth16 verifier (no circuit, no proof: the
// mock accepts proof[0] == keccak256(abi.encode(inputs))). Real proofs against a generated
// verifier are covered by the deployer module's ITs.
//
// Run: node node_modules/hardhat/internal/cli/cli.js test   (the Maven build does, in test-chain's
// integration-test phase).
"use strict";

const assert = require("node:assert/strict");
const hre = require("hardhat");
const { ethers } = require("ethers");

const R = ethers.BigNumber.from(
  "21888242871839275222246405745257275088548364400416034343698204186575808495617"
);
const NO_INDEX = 0xffffffff;
const coder = ethers.utils.defaultAbiCoder;

const provider = new ethers.providers.Web3Provider(hre.network.provider);

async function deploy(name, args, signer) {
  const artifact = await hre.artifacts.readArtifact(name);
  const factory = new ethers.ContractFactory(artifact.abi, artifact.bytecode, signer);
  const contract = await factory.deploy(...args);
  await contract.deployed();
  return contract;
}

/** Digs the revert data out of whatever ethers/Hardhat threw. */
function revertDataOf(error) {
  for (let e = error; e; e = e.error || e.cause) {
    if (typeof e.data === "string" && e.data.startsWith("0x")) return e.data;
    if (e.data && typeof e.data.data === "string") return e.data.data;
  }
  return undefined;
}

/** Awaits `promise`, requires a revert with custom error `name` of `contract`, returns its args. */
async function expectCustomError(promise, contract, name) {
  let error;
  try {
    await promise;
  } catch (e) {
    error = e;
  }
  assert.ok(error, `expected a revert with ${name}, but the call succeeded`);
  const data = revertDataOf(error);
  assert.ok(data, `expected revert data for ${name}, got: ${error.message}`);
  let parsed;
  try {
    parsed = contract.interface.parseError(data);
  } catch (e) {
    assert.fail(`revert data ${data} is not an error of ${name}'s contract (${error.message})`);
  }
  assert.equal(parsed.name, name);
  return parsed.args;
}

/** A "proof" the mock accepts for these inputs. */
function mockProof(inputs) {
  const word = ethers.utils.keccak256(coder.encode(["uint256[]"], [inputs]));
  return [word, 2, 3, 4, 5, 6, 7, 8];
}

function asUint(address) {
  return ethers.BigNumber.from(address);
}

describe("InferenceRegistry", function () {
  let owner, alice, mallory;
  let registry, verifier;
  let modelId;

  beforeEach(async function () {
    [owner, alice, mallory] = [0, 1, 2].map((i) => provider.getSigner(i));
    verifier = await deploy("MockVerifier", [3], owner);
    registry = await deploy("InferenceRegistry", [], owner);
    // public inputs: [output, submitter, x]
    const tx = await registry.registerModel(verifier.address, ethers.utils.id("model v1"), 3, 1, NO_INDEX);
    const receipt = await tx.wait();
    modelId = registry.interface.parseLog(receipt.logs[0]).args.modelId;
  });

  describe("registerModel", function () {
    it("assigns ids from 1, records the model and emits ModelRegistered", async function () {
      assert.equal(modelId.toNumber(), 1);
      const model = await registry.getModel(1);
      assert.equal(model.verifier, verifier.address);
      assert.equal(model.owner, await owner.getAddress());
      assert.equal(model.commitment, ethers.utils.id("model v1"));
      assert.equal(model.publicInputCount, 3);
      assert.equal(model.submitterIndex, 1);
      assert.equal(model.commitmentIndex, NO_INDEX);
      assert.equal(model.active, true);

      const tx = await registry.connect(alice).registerModel(verifier.address, ethers.constants.HashZero, 3, 0, 2);
      const log = registry.interface.parseLog((await tx.wait()).logs[0]);
      assert.equal(log.name, "ModelRegistered");
      assert.equal(log.args.modelId.toNumber(), 2);
      assert.equal(log.args.owner, await alice.getAddress());
      assert.equal(log.args.verifier, verifier.address);
      assert.equal((await registry.modelCount()).toNumber(), 2);
    });

    it("rejects a verifier without code", async function () {
      const eoa = await alice.getAddress();
      const [addr] = await expectCustomError(
        registry.registerModel(eoa, ethers.constants.HashZero, 3, 1, NO_INDEX),
        registry,
        "VerifierNotAContract"
      );
      assert.equal(addr, eoa);
    });

    it("rejects input indices outside the inputs or clashing", async function () {
      await expectCustomError(
        registry.registerModel(verifier.address, ethers.constants.HashZero, 3, 3, NO_INDEX),
        registry,
        "BadInputIndex"
      );
      await expectCustomError(
        registry.registerModel(verifier.address, ethers.constants.HashZero, 3, 1, 3),
        registry,
        "BadInputIndex"
      );
      await expectCustomError(
        registry.registerModel(verifier.address, ethers.constants.HashZero, 3, 1, 1),
        registry,
        "BadInputIndex"
      );
    });

    it("reports unknown models", async function () {
      await expectCustomError(registry.getModel(0), registry, "UnknownModel");
      await expectCustomError(registry.getModel(2), registry, "UnknownModel");
    });
  });

  describe("submitInference", function () {
    let inputs;

    beforeEach(async function () {
      inputs = [42, asUint(await alice.getAddress()), 7];
    });

    it("verifies, records and emits the public inputs", async function () {
      const tx = await registry.connect(alice).submitInference(modelId, mockProof(inputs), inputs);
      const receipt = await tx.wait();
      const log = registry.interface.parseLog(receipt.logs[0]);
      const expectedId = ethers.utils.keccak256(coder.encode(["uint256", "uint256[]"], [modelId, inputs]));

      assert.equal(log.name, "InferenceRecorded");
      assert.equal(log.args.modelId.toNumber(), 1);
      assert.equal(log.args.submitter, await alice.getAddress());
      assert.equal(log.args.inferenceId, expectedId);
      assert.deepEqual(log.args.publicInputs.map(String), inputs.map(String));

      const stored = await registry.getInference(expectedId);
      assert.equal(stored.modelId.toNumber(), 1);
      assert.equal(stored.submitter, await alice.getAddress());
      assert.equal(stored.blockNumber.toNumber(), receipt.blockNumber);
      assert.equal(stored.publicInputsHash, ethers.utils.keccak256(coder.encode(["uint256[]"], [inputs])));
      assert.equal(await registry.isRecorded(expectedId), true);
      assert.equal(await registry.statementHash(modelId, inputs), expectedId);
      console.log(`      gas: submitInference (mock verifier, 3 inputs) = ${receipt.gasUsed}`);
    });

    it("refuses a replay of the same proof with ProofAlreadyUsed", async function () {
      await (await registry.connect(alice).submitInference(modelId, mockProof(inputs), inputs)).wait();
      const [id] = await expectCustomError(
        registry.connect(alice).submitInference(modelId, mockProof(inputs), inputs),
        registry,
        "ProofAlreadyUsed"
      );
      assert.equal(id, await registry.statementHash(modelId, inputs));
    });

    it("refuses a replay with different proof bytes for the same statement (malleability)", async function () {
      await (await registry.connect(alice).submitInference(modelId, mockProof(inputs), inputs)).wait();
      const rerandomised = mockProof(inputs);
      rerandomised[7] = 99;
      await expectCustomError(
        registry.connect(alice).submitInference(modelId, rerandomised, inputs),
        registry,
        "ProofAlreadyUsed"
      );
    });

    it("refuses the proof from another sender (front-running)", async function () {
      const [sender, bound] = await expectCustomError(
        registry.connect(mallory).submitInference(modelId, mockProof(inputs), inputs),
        registry,
        "SubmitterMismatch"
      );
      assert.equal(sender, await mallory.getAddress());
      assert.equal(bound.toString(), asUint(await alice.getAddress()).toString());
    });

    it("refuses another sender who rewrites the submitter input: the proof no longer verifies", async function () {
      const stolen = [inputs[0], asUint(await mallory.getAddress()), inputs[2]];
      await expectCustomError(
        registry.connect(mallory).submitInference(modelId, mockProof(inputs), stolen),
        registry,
        "InvalidProof"
      );
    });

    it("refuses a proof the verifier rejects, and records nothing", async function () {
      const bad = mockProof(inputs);
      bad[0] = 1;
      await expectCustomError(registry.connect(alice).submitInference(modelId, bad, inputs), registry, "InvalidProof");
      assert.equal(await registry.isRecorded(await registry.statementHash(modelId, inputs)), false);
      await expectCustomError(
        registry.getInference(await registry.statementHash(modelId, inputs)),
        registry,
        "UnknownInference"
      );

      await (await verifier.setRejectAll(true)).wait();
      await expectCustomError(
        registry.connect(alice).submitInference(modelId, mockProof(inputs), inputs),
        registry,
        "InvalidProof"
      );
    });

    it("checks the input count against the model", async function () {
      const short = [42, asUint(await alice.getAddress())];
      const [expected, actual] = await expectCustomError(
        registry.connect(alice).submitInference(modelId, mockProof(short), short),
        registry,
        "WrongPublicInputCount"
      );
      assert.equal(expected.toNumber(), 3);
      assert.equal(actual.toNumber(), 2);
    });

    it("lets the verifier's own custom errors through", async function () {
      const outOfField = [R, asUint(await alice.getAddress()), 7];
      await expectCustomError(
        registry.connect(alice).submitInference(modelId, mockProof(outOfField), outOfField),
        verifier,
        "PublicInputNotInField"
      );
    });

    it("checks the model commitment when the model exposes it", async function () {
      const commitment = ethers.utils.hexZeroPad("0x1234", 32);
      const tx = await registry.registerModel(verifier.address, commitment, 3, 1, 2);
      const id = registry.interface.parseLog((await tx.wait()).logs[0]).args.modelId;
      const wrong = [42, asUint(await alice.getAddress()), 0x1235];
      const [expected, actual] = await expectCustomError(
        registry.connect(alice).submitInference(id, mockProof(wrong), wrong),
        registry,
        "CommitmentMismatch"
      );
      assert.equal(expected, commitment);
      assert.equal(actual.toNumber(), 0x1235);

      const right = [42, asUint(await alice.getAddress()), 0x1234];
      await (await registry.connect(alice).submitInference(id, mockProof(right), right)).wait();
      assert.equal(await registry.isRecorded(await registry.statementHash(id, right)), true);
    });

    it("records the same inputs separately per model", async function () {
      const tx = await registry.registerModel(verifier.address, ethers.constants.HashZero, 3, 1, NO_INDEX);
      const second = registry.interface.parseLog((await tx.wait()).logs[0]).args.modelId;
      await (await registry.connect(alice).submitInference(modelId, mockProof(inputs), inputs)).wait();
      await (await registry.connect(alice).submitInference(second, mockProof(inputs), inputs)).wait();
      assert.notEqual(await registry.statementHash(modelId, inputs), await registry.statementHash(second, inputs));
    });

    it("refuses unknown and deactivated models; only the owner deactivates", async function () {
      await expectCustomError(
        registry.connect(alice).submitInference(5, mockProof(inputs), inputs),
        registry,
        "UnknownModel"
      );
      const [id, caller] = await expectCustomError(
        registry.connect(alice).deactivateModel(modelId),
        registry,
        "NotModelOwner"
      );
      assert.equal(id.toNumber(), 1);
      assert.equal(caller, await alice.getAddress());

      const receipt = await (await registry.deactivateModel(modelId)).wait();
      assert.equal(registry.interface.parseLog(receipt.logs[0]).name, "ModelDeactivated");
      assert.equal((await registry.getModel(modelId)).active, false);
      await expectCustomError(
        registry.connect(alice).submitInference(modelId, mockProof(inputs), inputs),
        registry,
        "ModelInactive"
      );
    });
  });
});

describe("MockVerifier", function () {
  it("behaves like a verifier at the interface", async function () {
    const verifier = await deploy("MockVerifier", [2], provider.getSigner(0));
    const inputs = [1, 2];
    assert.equal(await verifier.verifyProof(mockProof(inputs), inputs), true);
    assert.equal(await verifier.verifyProof(mockProof([1, 3]), inputs), false);
    await expectCustomError(verifier.verifyProof(mockProof([1]), [1]), verifier, "InvalidPublicInputCount");
    await expectCustomError(verifier.verifyProof(mockProof([1, R]), [1, R]), verifier, "PublicInputNotInField");
  });
});
