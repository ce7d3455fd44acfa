package org.hearth.answers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.hearth.BuildRequest;
import org.hearth.Hearth;
import org.hearth.diag.Diagnostics;
import org.hearth.model.Workbook;
import org.junit.jupiter.api.Test;

/** The typed model: each prompt kind's answer as the templates and forms use it, bound to the workbook. */
class AnswerSheetTest {

    @Test
    void everyPromptKindGetsItsTypedAnswerInBookOrder() throws Exception {
        Path root = Path.of(System.getProperty("hearth.project.root", ".")).toAbsolutePath();
        Hearth hearth = new Hearth(root);
        Diagnostics d = new Diagnostics();
        Workbook workbook = hearth.prepare(new BuildRequest(AnswersFiles.content(), root.resolve("templates"), root.resolve("target/unused")), d);
        Path json = AnswersFiles.root().resolve("answers.json");
        AnswerSheet sheet = AnswerSheet.bind(new AnswersReader().read(Files.readAllBytes(json), "answers.json"), workbook,
                Slots.of(workbook, hearth.messages(new BuildRequest(AnswersFiles.content(), root.resolve("templates"), root.resolve("target/unused")), "en")),
                false, "answers.json", d);
        assertEquals(1, d.list().size(), "one warning, for the answer to a prompt not in this selection: " + d.list());
        assertTrue(d.list().getFirst().message().contains("gone--old-prompt"));

        List<AnswerSheet.PromptAnswer> typed = sheet.typed(workbook);
        assertEquals(List.of(AnswerSheet.Written.class, AnswerSheet.SelfCheck.class, AnswerSheet.Written.class, AnswerSheet.Written.class,
                AnswerSheet.Written.class, AnswerSheet.Ticks.class, AnswerSheet.Rated.class, AnswerSheet.Written.class),
                typed.stream().map(Object::getClass).toList(), "space, self-check, journal, mirror, letter, checklist, rating, box");
        assertEquals(new AnswerSheet.Written("first-space-1", "My first note.", Instant.parse("2026-12-01T09:17:00Z")), typed.get(0));
        AnswerSheet.SelfCheck check = (AnswerSheet.SelfCheck) typed.get(1);
        assertEquals(List.of("2026-12-01", ""), check.dates());
        assertEquals(List.of(List.of("2", ""), List.of("", "")), check.rows());
        assertEquals(List.of(1), ((AnswerSheet.Ticks) typed.get(5)).ticked());
        AnswerSheet.Rated rated = (AnswerSheet.Rated) typed.get(6);
        assertEquals("4", rated.value());
        assertEquals(List.of(new Answer.Dated("2026-11-01", "2"), new Answer.Dated("2026-12-02", "4")), rated.history());
        assertEquals(Instant.parse("2026-12-02T14:00:00Z"), rated.updatedAt());
    }
}
