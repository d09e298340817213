package io.tradingcore.application.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTableTest {

    private static List<List<String>> blocks(String text) {
        List<List<String>> out = new ArrayList<>();
        List<String> cur = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                if (!cur.isEmpty()) {
                    out.add(cur);
                }
                cur = new ArrayList<>();
            } else {
                cur.add(line);
            }
        }
        return out;
    }

    @Test
    void rendersOverallTiersAndFoldsWithHandComputedFigures() {
        String text = SummaryTable.render(ReportBuilder.build(ReportBuilderTest.input()));

        assertThat(text).contains("Overall", "Time in drawdown tier", "Walk-forward folds");
        assertThat(text).containsPattern("Total return +10\\.00% +8\\.00%");
        assertThat(text).containsPattern("Max drawdown +10\\.00%");
        assertThat(text).containsPattern("Win rate +66\\.67% +n/a");
        assertThat(text).containsPattern("Profit factor +1\\.25 +n/a");
        // 1.605 rounds half-even to 1.60 for display (metrics.json keeps 1.605)
        assertThat(text).containsPattern("Fees paid +1\\.60 +0\\.00");
        assertThat(text).containsPattern("DD10 +2 +33\\.33%");
    }

    @Test
    void everyTableLinesUpItsColumns() {
        String text = SummaryTable.render(ReportBuilder.build(ReportBuilderTest.input()));

        List<List<String>> blocks = blocks(text);
        // title block, then three tables: caption, header, rule, rows; figures are right-aligned so every line
        // after the caption ends in the same column
        assertThat(blocks).hasSize(4);
        for (List<String> table : blocks.subList(1, 4)) {
            List<String> body = table.subList(1, table.size());
            int width = body.get(0).length();
            assertThat(body).allSatisfy(line -> assertThat(line).hasSize(width));
            assertThat(body.get(1)).matches("-+");
        }
    }
}
