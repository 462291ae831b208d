package cn.ruralfund.reporting;

import cn.ruralfund.reporting.service.CsvSalesReader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV reader on its own: quoting, line numbers, and a 200 MB file read by a JVM with a 48 MB heap. */
class CsvSalesReaderTest {

    static List<CsvSalesReader.Line> read(String csv) throws Exception {
        List<CsvSalesReader.Line> lines = new ArrayList<>();
        try (CsvSalesReader reader = new CsvSalesReader(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))) {
            CsvSalesReader.Line line;
            while ((line = reader.next()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Test
    void quotedFieldsMayHoldCommasQuotesAndLineBreaksAndLinesKeepTheirNumbers() throws Exception {
        var lines = read("township,period,brand,product,platform,amount,orders,units,poor_household\n"
                + "\"勐龙镇, 曼飞龙\",2021-01,\"品牌 \"\"甲\"\"\",P1,JD,1.00,1,1,true\n"
                + "\"两行\n的乡\",2021-01,b,P1,JD,2.00,1,1,false\n"
                + "x,2021-01,b,P1,JD,abc,1,1,false\n");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).input().township()).isEqualTo("勐龙镇, 曼飞龙");
        assertThat(lines.get(0).input().brand()).isEqualTo("品牌 \"甲\"");
        assertThat(lines.get(1).number()).isEqualTo(3);
        assertThat(lines.get(1).input().township()).isEqualTo("两行\n的乡");
        assertThat(lines.get(2).number()).as("after a record of two physical lines").isEqualTo(5);
        assertThat(lines.get(2).error()).contains("not a number");
    }

    /**
     * Streaming, proven where it matters: a child JVM with {@code -Xmx48m} reads and checks a generated 200 MB file
     * (about 2.6 million lines). Were the file or the list of its problems held in memory, it would die of OutOfMemoryError.
     */
    @Test
    void CSV_a200MegabyteFileIsReadWithoutHoldingItInMemory() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx48m", "-cp", System.getProperty("java.class.path"),
                CsvHeapProbe.class.getName(), String.valueOf(200L * 1024 * 1024)).redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor()).as(out).isZero();
        assertThat(out).contains("bytes=" + 200L * 1024 * 1024).contains("problems-listed=1000");
    }

    /** The child JVM's program: generate the file as a stream, read every line, list problems as CsvImport does. */
    public static final class CsvHeapProbe {
        public static void main(String[] args) throws Exception {
            long size = Long.parseLong(args[0]);
            byte[] header = "period,brand,product,platform,township,amount,orders,units,poor_household\r\n".getBytes(StandardCharsets.UTF_8);
            byte[] line = "2021-01,景洪普洱品牌,普洱茶,TAOBAO,勐龙镇,12345.67,12,34,false\r\n".getBytes(StandardCharsets.UTF_8);
            byte[] bad = "2021-01,景洪普洱品牌,普洱茶,TAOBAO,勐龙镇,-1.00,12,34,false\r\n".getBytes(StandardCharsets.UTF_8);
            InputStream generated = new InputStream() {
                long position;
                long lineNo;
                byte[] current = header;
                int offset;

                @Override
                public int read() {
                    if (position >= size) {
                        return -1;
                    }
                    if (offset == current.length) {
                        current = ++lineNo % 100 == 0 ? bad : line;
                        offset = 0;
                    }
                    position++;
                    return current[offset++] & 0xff;
                }
            };
            long lines = 0;
            List<String> problems = new ArrayList<>();
            try (CsvSalesReader reader = new CsvSalesReader(generated)) {
                CsvSalesReader.Line l;
                while ((l = reader.next()) != null) {
                    lines++;
                    if (l.input() != null && l.input().amount() != null && l.input().amount().signum() < 0 && problems.size() < 1000) {
                        problems.add(l.number() + ": negative");
                    }
                }
            }
            System.out.println("bytes=" + size + " lines=" + lines + " problems-listed=" + problems.size());
        }
    }
}
