// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @title IZkmlVerifier
/// @notice The stable ABI of every Groth16 (BN254) verifier that zkml4j generates, whatever the
///         circuit: one signature for all models, so a single client binding serves them all.
/// @dev Rejection semantics. A verifier separates a malformed *statement* (the public inputs),
///      which reverts with a custom error, from a wrong or malformed *proof*, which makes
///      `verifyProof` return false:
///
///      | input                                                    | outcome                       |
///      |----------------------------------------------------------|-------------------------------|
///      | `input.length` differs from the circuit's public inputs  | revert `InvalidPublicInputCount()` |
///      | some `input[i] >= r` (the BN254 scalar field modulus)    | revert `PublicInputNotInField()`   |
///      | a proof coordinate `>= q` (the BN254 base field modulus) | return false                  |
///      | A or C not on G1, or B not on G2 / not in its subgroup   | return false                  |
///      | well-formed proof that fails the pairing check           | return false                  |
///      | valid proof for these inputs                             | return true                   |
///
///      The count check runs before the field check. Proof points are checked by the EVM's
///      alt_bn128 precompiles (EIP-196, EIP-197), which refuse non-canonical coordinates and
///      points off the curve (and, for G2, outside the order-r subgroup); the verifier turns such
///      a refusal into false. The point at infinity is encoded as (0, 0) (and as four zero words
///      in G2) and is accepted as a group element. A precompile that refuses its input consumes
///      all gas forwarded to it, so a malformed proof returns false only after using up most of
///      the call's gas: check with eth_call before sending a transaction.
///
///      Constants, for reference:
///      r = 21888242871839275222246405745257275088548364400416034343698204186575808495617,
///      q = 21888242871839275222246405745257275088696311157297823662689037894645226208583.
interface IZkmlVerifier {
    /// @notice `input` does not hold exactly as many public inputs as the circuit has.
    error InvalidPublicInputCount();

    /// @notice A public input is not a canonical element of the BN254 scalar field (it is >= r).
    error PublicInputNotInField();

    /// @notice Checks a Groth16 proof over BN254 against this verifier's verifying key.
    /// @param proof The proof as eight words: A.x, A.y, B.x1, B.x0, B.y1, B.y0, C.x, C.y, where a
    ///        G2 coordinate x = x0 + x1*u is given imaginary part first, as the pairing
    ///        precompile takes it (the order of `snarkjs zkey export soliditycalldata`,
    ///        flattened).
    /// @param input The public inputs, in the order of snarkjs's public.json, each below r.
    /// @return True if and only if the proof is valid for `input`; false for an invalid or
    ///         malformed proof. Reverts on a malformed `input` (see the table above).
    function verifyProof(uint256[8] calldata proof, uint256[] calldata input) external view returns (bool);
}
