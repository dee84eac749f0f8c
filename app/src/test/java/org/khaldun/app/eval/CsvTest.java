package org.khaldun.app.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotedFieldsKeepCommasNewlinesAndQuotes() throws IOException {
        List<List<String>> rows = Csv.read(new StringReader(
                "text,label\r\n\"Troops, tanks\nand \"\"jets\"\"\",ASSAULT\nplain,AGREE"));
        assertThat(rows).containsExactly(List.of("text", "label"),
                List.of("Troops, tanks\nand \"jets\"", "ASSAULT"), List.of("plain", "AGREE"));
    }

    @Test
    void emptyFieldsStayEmpty() throws IOException {
        assertThat(Csv.read(new StringReader("a,,c\n"))).containsExactly(List.of("a", "", "c"));
    }
}
