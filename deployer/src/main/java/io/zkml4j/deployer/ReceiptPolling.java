package io.zkml4j.deployer;

import java.time.Duration;
import java.util.Objects;

/**
  * How long, and how often, to ask the node for a transaction's receipt after sending it.
  *
  * @param interval pause between {@code eth_getTransactionReceipt} requests
  * @param timeout total wait before {@link DeploymentException} ("not mined within …"); the
  *     transaction may still be mined later, the exception carries its hash
  */
public record ReceiptPolling(Duration interval, Duration timeout) {

    /** 250 ms / 3 min: instant on a local Hardhat node (automine), patient enough for a public chain. */
    public static final ReceiptPolling DEFAULT = new ReceiptPolling(Duration.ofMillis(250), Duration.ofMinutes(3));

    public ReceiptPolling {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
        if (interval.isNegative() || interval.isZero() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(
                    "Expected a positive polling interval and timeout but got " + interval + " and " + timeout);
        }
    }
}
