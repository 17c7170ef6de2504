package io.zkml4j.deployer;

import java.util.Optional;

/**
  * A failure of the deployer layer: the node is unreachable or answers an error, a transaction
  * reverts or is not mined in time, the chain id does not match, a key cannot be loaded.
  *
  * <p>For a revert the message names the decoded custom error (e.g.
  * {@code PublicInputNotInField()}, {@code ProofAlreadyUsed(bytes32 0x…)}), and
  * {@link #errorName()} returns its bare name. Messages never contain private keys or passwords.
  */
public final class DeploymentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String errorName;
    private final String revertData;
    private final String transactionHash;

    public DeploymentException(String message) {
        this(message, null, null, null, null);
    }

    public DeploymentException(String message, Throwable cause) {
        this(message, null, null, null, cause);
    }

    DeploymentException(String message, String errorName, String revertData, String transactionHash, Throwable cause) {
        super(message, cause);
        this.errorName = errorName;
        this.revertData = revertData;
        this.transactionHash = transactionHash;
    }

    static DeploymentException reverted(String what, AbiErrors.Decoded decoded, String transactionHash) {
        String message = what + " reverted with " + decoded.describe()
                + (transactionHash == null ? "" : " (transaction " + transactionHash + ")");
        return new DeploymentException(message, decoded.name(), decoded.data(), transactionHash, null);
    }

    /** The custom error's name for a revert ({@code "ProofAlreadyUsed"}), {@code "Error"} for
     *  {@code require(…, "text")}, {@code "Panic"} for a panic; empty if not a revert or undecodable. */
    public Optional<String> errorName() {
        return Optional.ofNullable(errorName);
    }

    /** The raw revert data (hex with {@code 0x}), if this is a revert that returned data. */
    public Optional<String> revertData() {
        return Optional.ofNullable(revertData);
    }

    /** The hash of the transaction concerned, if one was sent. */
    public Optional<String> transactionHash() {
        return Optional.ofNullable(transactionHash);
    }
}
