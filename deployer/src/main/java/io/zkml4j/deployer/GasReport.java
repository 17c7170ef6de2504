package io.zkml4j.deployer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
  * Gas used per transaction, read from receipts, with the execution share separated from the
  * intrinsic cost (21,000 per transaction, plus 4 gas per zero and 16 per non-zero calldata byte
  * (EIP-2028), plus 32,000 for a contract creation), so contract costs can be compared
  * independently of how large their arguments are.
  *
  * <p>Not thread-safe; one report per run.
  */
public final class GasReport {

    /** Base cost of any transaction. */
    public static final long TX_BASE = 21_000;
    /** Extra base cost of a contract creation. */
    public static final long CREATE_BASE = 32_000;

    /**
      * One measured transaction.
      *
      * @param label what it was, e.g. {@code "verifyProof (ours, 4 inputs)"}
      * @param gasUsed the receipt's {@code gasUsed}
      * @param intrinsicGas base plus calldata cost, charged before any code runs
      * @param transactionHash the transaction
      */
    public record Entry(String label, long gasUsed, long intrinsicGas, String transactionHash) {

        /** Gas spent by code: {@code gasUsed - intrinsicGas}. */
        public long executionGas() {
            return gasUsed - intrinsicGas;
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    /**
      * Records a receipt. {@code calldata} is the transaction's input (hex), needed for the
      * intrinsic share; {@code creation} whether it created a contract.
      */
    public Entry record(String label, TransactionReceipt receipt, String calldata, boolean creation) {
        Objects.requireNonNull(receipt, "receipt");
        Entry entry = new Entry(label, receipt.getGasUsed().longValueExact(), intrinsicGas(calldata, creation),
                receipt.getTransactionHash());
        entries.add(entry);
        return entry;
    }

    /** The entries in recording order. */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The entry labelled {@code label}. */
    public Entry get(String label) {
        return entries.stream().filter(e -> e.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No gas entry labelled " + label));
    }

    /** Intrinsic gas of a transaction with this calldata (pre-Prague rules: no EIP-7623 floor). */
    public static long intrinsicGas(String calldataHex, boolean creation) {
        byte[] data = calldataHex == null ? new byte[0] : Numeric.hexStringToByteArray(calldataHex);
        long gas = TX_BASE + (creation ? CREATE_BASE : 0);
        for (byte b : data) {
            gas += b == 0 ? 4 : 16;
        }
        if (creation) {
            gas += 2L * ((data.length + 31) / 32); // EIP-3860 initcode word cost
        }
        return gas;
    }

    /** A plain-text table: label, gas used, intrinsic, execution. */
    public String format() {
        int width = Math.max(5, entries.stream().mapToInt(e -> e.label().length()).max().orElse(0));
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-" + width + "s  %10s  %10s  %10s%n", "call", "gas used", "intrinsic",
                "execution"));
        for (Entry e : entries) {
            out.append(String.format(Locale.ROOT, "%-" + width + "s  %,10d  %,10d  %,10d%n", e.label(), e.gasUsed(),
                    e.intrinsicGas(), e.executionGas()));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "GasReport" + entries;
    }
}
