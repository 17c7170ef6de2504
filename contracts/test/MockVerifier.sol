// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {IZkmlVerifier} from "../interfaces/IZkmlVerifier.sol";

/// @title MockVerifier
/// @notice TEST ONLY. Stands in for a generated Groth16 verifier in the registry's Hardhat tests,
///         so they need no circuit or proof. Never deploy it anywhere that matters: it accepts
///         "proofs" anyone can compute.
/// @dev Behaves like a real verifier at the interface: it reverts `InvalidPublicInputCount()` when
///      `input.length` is not the configured count and `PublicInputNotInField()` for an input
///      >= r; otherwise it returns true exactly when `proof[0] == uint256(keccak256(abi.encode(input)))`
///      (a "proof" tied to its statement, so a test notices if a caller passes other inputs than
///      it was given) and `rejectAll` is off.
contract MockVerifier is IZkmlVerifier {
    uint256 internal constant R =
        21888242871839275222246405745257275088548364400416034343698204186575808495617;

    /// @notice The number of public inputs this mock expects.
    uint256 public immutable publicInputCount;

    /// @notice When true, every well-formed call returns false.
    bool public rejectAll;

    /// @param count The number of public inputs to expect.
    constructor(uint256 count) {
        publicInputCount = count;
    }

    /// @notice Makes every later verification fail (true) or behave normally (false).
    function setRejectAll(bool value) external {
        rejectAll = value;
    }

    /// @notice The proof word 0 this mock accepts for `input` (test helper).
    function expectedProofWord(uint256[] calldata input) external pure returns (uint256) {
        return uint256(keccak256(abi.encode(input)));
    }

    /// @inheritdoc IZkmlVerifier
    function verifyProof(uint256[8] calldata proof, uint256[] calldata input) external view returns (bool) {
        if (input.length != publicInputCount) revert InvalidPublicInputCount();
        for (uint256 i = 0; i < input.length; i++) {
            if (input[i] >= R) revert PublicInputNotInField();
        }
        return !rejectAll && proof[0] == uint256(keccak256(abi.encode(input)));
    }
}
