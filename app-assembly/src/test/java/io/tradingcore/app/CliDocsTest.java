package io.tradingcore.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * docs/cli.md cannot drift from the picocli model: every command (and subcommand) has a row in the commands table
 * naming each of its options, every option and parameter has a description, and every summary is one whole sentence.
 */
class CliDocsTest {
    /** Documented once, in "Database selection (every command)". */
    private static final Set<String> DATABASE_OPTIONS = Set.of("--db-url", "--data-dir", "--verbose");
    private static final Set<String> STANDARD = Set.of("--help", "--version");

    static List<CommandSpec> commands(CommandSpec root) {
        List<CommandSpec> out = new ArrayList<>();
        root.subcommands().forEach((name, cl) -> {
            if (!name.equals("help") && cl.getCommandSpec().name().equals(name)) {
                out.add(cl.getCommandSpec());
                out.addAll(commands(cl.getCommandSpec()));
            }
        });
        return out;
    }

    /** "runs list" for the subcommand list of runs. */
    static String qualified(CommandSpec c) {
        String q = c.qualifiedName(" ");
        return q.substring(q.indexOf(' ') + 1);
    }

    static Optional<String> row(List<String> doc, String command) {
        return doc.stream().filter(l -> l.startsWith("| `" + command + " ") || l.startsWith("| `" + command + "`")).findFirst();
    }

    @Test
    void everyCommandAndOptionIsInDocsCliMdAndEveryOptionIsDescribed() throws IOException {
        List<String> doc = Files.readAllLines(Path.of("..", "docs", "cli.md"));
        CommandSpec root = new CommandLine(new Main()).getCommandSpec();
        List<CommandSpec> all = commands(root);
        assertThat(all).extracting(CliDocsTest::qualified).contains("ingest", "backtest", "replay", "report", "download-data", "list-data",
                "runs list", "runs show", "runs compare", "runs export");
        SoftAssertions soft = new SoftAssertions();
        for (CommandSpec c : all) {
            String name = qualified(c);
            if (!c.subcommands().isEmpty()) {
                continue; // a group such as `runs`: its subcommands have the rows
            }
            Optional<String> row = row(doc, name);
            soft.assertThat(row).as("a row '| `%s ...` |' in docs/cli.md", name).isPresent();
            soft.assertThat(c.usageMessage().description()).as("description of %s", name).isNotEmpty();
            if (c.usageMessage().description().length > 0) {
                soft.assertThat(c.usageMessage().description()[0]).as("summary of %s is one whole sentence", name).endsWith(".");
            }
            for (OptionSpec o : c.options()) {
                String longest = o.longestName();
                soft.assertThat(String.join(" ", o.description())).as("description of %s %s", name, longest).isNotBlank();
                if (STANDARD.contains(longest) || DATABASE_OPTIONS.contains(longest)) {
                    continue;
                }
                row.ifPresent(r -> soft.assertThat(r).as("docs/cli.md row of %s names %s", name, longest).contains(longest));
            }
            for (PositionalParamSpec p : c.positionalParameters()) {
                soft.assertThat(String.join(" ", p.description())).as("description of %s %s", name, p.paramLabel()).isNotBlank();
                row.ifPresent(r -> soft.assertThat(r).as("docs/cli.md row of %s names %s", name, p.paramLabel()).contains(p.paramLabel()));
            }
        }
        for (String db : DATABASE_OPTIONS) {
            soft.assertThat(doc.stream().anyMatch(l -> l.startsWith("| `") && l.contains(db))).as("docs/cli.md describes %s", db).isTrue();
        }
        List<String> documented = doc.stream().dropWhile(l -> !l.equals("## Commands")).skip(1).takeWhile(l -> !l.startsWith("## "))
                .filter(l -> l.startsWith("| `")).map(l -> l.substring(3, l.indexOf('`', 3))).toList();
        for (String d : documented) {
            soft.assertThat(all.stream().anyMatch(c -> d.equals(qualified(c)) || d.startsWith(qualified(c) + " ")))
                    .as("docs/cli.md documents '%s', which is no command", d).isTrue();
        }
        soft.assertAll();
    }

    @Test
    void theCommandsTableIsOneTable() throws IOException {
        List<String> doc = Files.readAllLines(Path.of("..", "docs", "cli.md"));
        List<String> section = doc.stream().dropWhile(l -> !l.equals("## Commands")).skip(1).takeWhile(l -> !l.startsWith("## ")).toList();
        int first = -1;
        int last = -1;
        for (int i = 0; i < section.size(); i++) {
            if (section.get(i).startsWith("|")) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        assertThat(section.subList(first, last + 1)).as("no blank line inside the commands table").allMatch(l -> l.startsWith("|"));
    }
}
