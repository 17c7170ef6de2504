package io.zkml4j.deployer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

class GasReportTest {

    @Test
    void intrinsicGasCountsZeroAndNonZeroBytes() {
        assertThat(GasReport.intrinsicGas("0x", false)).isEqualTo(21_000);
        assertThat(GasReport.intrinsicGas("0x00ff0001", false)).isEqualTo(21_000 + 4 + 16 + 4 + 16);
        // creation: +32,000 and 2 gas per 32-byte initcode word (EIP-3860)
        assertThat(GasReport.intrinsicGas("0x" + "01".repeat(33), true)).isEqualTo(53_000 + 33 * 16 + 2 * 2);
    }

    @Test
    void recordsReceiptsAndFormatsATable() {
        GasReport report = new GasReport();
        TransactionReceipt receipt = new TransactionReceipt();
        receipt.setGasUsed("0x" + BigInteger.valueOf(230_000).toString(16));
        receipt.setTransactionHash("0xabc");

        GasReport.Entry entry = report.record("verifyProof (1 input)", receipt, "0x0001", false);

        assertThat(entry.gasUsed()).isEqualTo(230_000);
        assertThat(entry.intrinsicGas()).isEqualTo(21_020);
        assertThat(entry.executionGas()).isEqualTo(208_980);
        assertThat(report.get("verifyProof (1 input)")).isEqualTo(entry);
        assertThat(report.format()).contains("verifyProof (1 input)").contains("230,000").contains("208,980");
    }
}
