// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {IZkmlVerifier} from "../interfaces/IZkmlVerifier.sol";

/// @title InferenceRegistry
/// @notice Records machine-learning inferences proven with zkml4j Groth16 proofs. A model owner
///         registers a model (its verifier contract, a commitment to the model, and where the
///         circuit exposes the submitter); anyone may then submit a proof of an inference, which
///         is verified through the model's `IZkmlVerifier` and recorded once, with an event
///         carrying all public signals (the inference's outputs among them).
/// @dev Binding and replay (see contracts/README.md for the full argument):
///
///      1. Submitter binding (front-running). Every registered circuit must have a public input
///         equal to `uint256(uint160(submitter))` at the model's `submitterIndex`, and must
///         constrain it (a trivial `s * s` constraint suffices; an input in no constraint row has
///         a zero IC point and is not bound). `submitInference` requires `publicInputs[submitterIndex] ==
///         uint256(uint160(msg.sender))`. A proof copied from the mempool therefore only works
///         for the account it was made for: another sender must change that public input, and
///         the proof is no longer valid for the changed statement.
///
///      2. Replay. An inference is identified by its statement, `keccak256(abi.encode(modelId,
///         publicInputs))`, not by the proof's bytes: Groth16 proofs are malleable (anyone can
///         re-randomise a valid proof into a different valid proof of the same statement), so a
///         proof-hash registry could be bypassed. A statement is recorded at most once; a second
///         submission reverts with `ProofAlreadyUsed`, whatever proof it carries. A circuit that
///         must record the same inference repeatedly adds a nonce public input.
///
///      3. Model binding. The verifier fixes the circuit (and with it the model, when the weights
///         are constants of the circuit). For circuits that take a hashed model as a public input,
///         the owner sets `commitmentIndex`, and `publicInputs[commitmentIndex]` must equal the
///         registered commitment. `NO_INDEX` disables that check.
///
///      Not bound: the chain and this registry's address. The submitter can replay their own
///      proof on another chain or registry; circuits that care add the chain id or the registry
///      address as a public input.
contract InferenceRegistry {
    /// @notice Marks an unused index (`commitmentIndex` when the commitment is not a public input).
    uint32 public constant NO_INDEX = type(uint32).max;

    /// @notice A registered model.
    /// @param verifier The Groth16 verifier generated for the model's circuit.
    /// @param owner The account that registered it; the only one allowed to deactivate it.
    /// @param commitment A commitment to the model (e.g. a hash of its weights), as registered.
    /// @param publicInputCount The number of public inputs of the circuit.
    /// @param submitterIndex Which public input holds `uint256(uint160(submitter))`.
    /// @param commitmentIndex Which public input must equal `commitment`, or `NO_INDEX`.
    /// @param active False once the owner deactivated the model; submissions are then refused.
    struct Model {
        IZkmlVerifier verifier;
        address owner;
        bytes32 commitment;
        uint32 publicInputCount;
        uint32 submitterIndex;
        uint32 commitmentIndex;
        bool active;
    }

    /// @notice A recorded inference. Its public signals are in the `InferenceRecorded` event;
    ///         storage keeps their hash, which `publicInputsHash` lets anyone check against them.
    /// @param modelId The model it was proven for.
    /// @param submitter The account that submitted (and is bound by) the proof.
    /// @param blockNumber The block that recorded it.
    /// @param publicInputsHash `keccak256(abi.encode(publicInputs))`.
    struct Inference {
        uint256 modelId;
        address submitter;
        uint64 blockNumber;
        bytes32 publicInputsHash;
    }

    /// @notice The number of models registered so far; model ids are 1 ... modelCount.
    uint256 public modelCount;

    mapping(uint256 modelId => Model) private _models;
    mapping(bytes32 inferenceId => Inference) private _inferences;

    /// @notice A model was registered.
    event ModelRegistered(
        uint256 indexed modelId,
        address indexed owner,
        address indexed verifier,
        bytes32 commitment,
        uint32 publicInputCount,
        uint32 submitterIndex,
        uint32 commitmentIndex
    );

    /// @notice The owner deactivated a model.
    event ModelDeactivated(uint256 indexed modelId);

    /// @notice An inference was verified and recorded.
    /// @param inferenceId Its statement hash, `keccak256(abi.encode(modelId, publicInputs))`.
    /// @param publicInputs All public signals, in public.json order (outputs first in circom).
    event InferenceRecorded(
        uint256 indexed modelId, address indexed submitter, bytes32 indexed inferenceId, uint256[] publicInputs
    );

    /// @notice The verifier address is zero or has no code.
    error VerifierNotAContract(address verifier);
    /// @notice `submitterIndex` or `commitmentIndex` is not below `publicInputCount`, or they coincide.
    error BadInputIndex(uint32 index, uint32 publicInputCount);
    /// @notice No model has this id.
    error UnknownModel(uint256 modelId);
    /// @notice The model was deactivated by its owner.
    error ModelInactive(uint256 modelId);
    /// @notice Only the model's owner may do this.
    error NotModelOwner(uint256 modelId, address caller);
    /// @notice The number of public inputs differs from the model's.
    error WrongPublicInputCount(uint256 expected, uint256 actual);
    /// @notice The public input at `submitterIndex` is not the sender's address.
    error SubmitterMismatch(address sender, uint256 boundSubmitter);
    /// @notice The public input at `commitmentIndex` is not the registered commitment.
    error CommitmentMismatch(bytes32 expected, uint256 actual);
    /// @notice This statement (model and public inputs) was already recorded.
    error ProofAlreadyUsed(bytes32 inferenceId);
    /// @notice The verifier rejected the proof.
    error InvalidProof();
    /// @notice No inference is recorded under this id.
    error UnknownInference(bytes32 inferenceId);

    /// @notice Registers a model; the sender becomes its owner.
    /// @param verifier The model's Groth16 verifier.
    /// @param commitment A commitment to the model (recorded; checked against a public input only
    ///        when `commitmentIndex` is not `NO_INDEX`).
    /// @param publicInputCount The circuit's number of public inputs (at least 1: the submitter).
    /// @param submitterIndex Position of the submitter's address among the public inputs.
    /// @param commitmentIndex Position of the model commitment among the public inputs, or `NO_INDEX`.
    /// @return modelId The new model's id (ids start at 1).
    function registerModel(
        IZkmlVerifier verifier,
        bytes32 commitment,
        uint32 publicInputCount,
        uint32 submitterIndex,
        uint32 commitmentIndex
    ) external returns (uint256 modelId) {
        if (address(verifier).code.length == 0) revert VerifierNotAContract(address(verifier));
        if (submitterIndex >= publicInputCount) revert BadInputIndex(submitterIndex, publicInputCount);
        if (commitmentIndex != NO_INDEX && (commitmentIndex >= publicInputCount || commitmentIndex == submitterIndex))
        {
            revert BadInputIndex(commitmentIndex, publicInputCount);
        }
        modelId = ++modelCount;
        _models[modelId] = Model({
            verifier: verifier,
            owner: msg.sender,
            commitment: commitment,
            publicInputCount: publicInputCount,
            submitterIndex: submitterIndex,
            commitmentIndex: commitmentIndex,
            active: true
        });
        emit ModelRegistered(
            modelId, msg.sender, address(verifier), commitment, publicInputCount, submitterIndex, commitmentIndex
        );
    }

    /// @notice Stops accepting inferences for a model (e.g. its verifier turned out to be wrong).
    ///         Recorded inferences stay. Irreversible: register the model again to resume.
    /// @param modelId The model to deactivate; the sender must be its owner.
    function deactivateModel(uint256 modelId) external {
        Model storage model = _existingModel(modelId);
        if (model.owner != msg.sender) revert NotModelOwner(modelId, msg.sender);
        model.active = false;
        emit ModelDeactivated(modelId);
    }

    /// @notice Verifies a proof of an inference and records it.
    /// @dev Checks, in order: the model exists and is active; the input count; the submitter
    ///      binding; the commitment (if configured); that the statement is new; then the proof.
    ///      A verifier's own custom errors (e.g. `PublicInputNotInField()`) propagate unchanged.
    /// @param modelId The model the proof is for.
    /// @param proof The proof in the `IZkmlVerifier` word order.
    /// @param publicInputs The circuit's public signals in public.json order.
    /// @return inferenceId The statement hash under which the inference is recorded.
    function submitInference(uint256 modelId, uint256[8] calldata proof, uint256[] calldata publicInputs)
        external
        returns (bytes32 inferenceId)
    {
        Model storage model = _existingModel(modelId);
        if (!model.active) revert ModelInactive(modelId);
        if (publicInputs.length != model.publicInputCount) {
            revert WrongPublicInputCount(model.publicInputCount, publicInputs.length);
        }
        uint256 boundSubmitter = publicInputs[model.submitterIndex];
        if (boundSubmitter != uint256(uint160(msg.sender))) revert SubmitterMismatch(msg.sender, boundSubmitter);
        uint32 commitmentIndex = model.commitmentIndex;
        if (commitmentIndex != NO_INDEX && publicInputs[commitmentIndex] != uint256(model.commitment)) {
            revert CommitmentMismatch(model.commitment, publicInputs[commitmentIndex]);
        }
        inferenceId = statementHash(modelId, publicInputs);
        if (_inferences[inferenceId].submitter != address(0)) revert ProofAlreadyUsed(inferenceId);
        // A view function of the interface: called with STATICCALL, so it cannot re-enter.
        if (!model.verifier.verifyProof(proof, publicInputs)) revert InvalidProof();

        _inferences[inferenceId] = Inference({
            modelId: modelId,
            submitter: msg.sender,
            blockNumber: uint64(block.number),
            publicInputsHash: keccak256(abi.encode(publicInputs))
        });
        emit InferenceRecorded(modelId, msg.sender, inferenceId, publicInputs);
    }

    /// @notice The registered model `modelId`.
    function getModel(uint256 modelId) external view returns (Model memory) {
        return _existingModel(modelId);
    }

    /// @notice The recorded inference `inferenceId`; reverts with `UnknownInference` if none.
    function getInference(bytes32 inferenceId) external view returns (Inference memory inference) {
        inference = _inferences[inferenceId];
        if (inference.submitter == address(0)) revert UnknownInference(inferenceId);
    }

    /// @notice Whether the statement was recorded.
    function isRecorded(bytes32 inferenceId) external view returns (bool) {
        return _inferences[inferenceId].submitter != address(0);
    }

    /// @notice The id an inference of `modelId` with these public inputs is recorded under.
    function statementHash(uint256 modelId, uint256[] calldata publicInputs) public pure returns (bytes32) {
        return keccak256(abi.encode(modelId, publicInputs));
    }

    function _existingModel(uint256 modelId) private view returns (Model storage model) {
        model = _models[modelId];
        if (address(model.verifier) == address(0)) revert UnknownModel(modelId);
    }
}
