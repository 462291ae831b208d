package cn.ruralfund.reporting.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a sales CSV file line by line, never holding more than one record: UTF-8 with a header line; a UTF-8 byte
 * order mark and CRLF line ends (a CSV saved by Excel) are accepted; a file that is not UTF-8 but is valid GB18030
 * (Excel's "CSV" on Chinese Windows) is detected from its first 64 KiB and read as GB18030; anything else is refused.
 * Quoted fields may hold commas, quotes ("") and line breaks. Each record knows the line it starts on.
 */
public final class CsvSalesReader implements AutoCloseable {

    public static final List<String> COLUMNS = List.of("period", "brand", "product", "platform", "township", "amount", "orders", "units", "poor_household");
    private static final int SNIFF = 64 * 1024;
    private static final int MAX_LINE = 64 * 1024;

    /** One data line: its number (1 = the header) and either the input or the reason it cannot be read. */
    public record Line(long number, SalesInput input, String error) {
    }

    /** The file cannot be read at all (encoding, header): nothing of it is recorded. */
    public static class Unreadable extends Exception {
        public Unreadable(String message) {
            super(message);
        }
    }

    private final InputStream in;
    private final Charset charset;
    private final Map<String, Integer> columns = new HashMap<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
    private long lineNumber;
    private boolean eof;

    public CsvSalesReader(InputStream input) throws IOException, Unreadable {
        this.in = input.markSupported() ? input : new java.io.BufferedInputStream(input, SNIFF + 16);
        this.in.mark(SNIFF + 8);
        byte[] head = this.in.readNBytes(SNIFF);
        this.in.reset();
        int bom = head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF ? 3 : 0;
        this.charset = detect(head, bom);
        this.in.skipNBytes(bom);
        List<String> header = nextFields();
        if (header == null) {
            throw new Unreadable("the file is empty: a header line " + String.join(",", COLUMNS) + " is expected");
        }
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = COLUMNS.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new Unreadable("line 1: the header lacks " + missing + "; expected " + String.join(",", COLUMNS));
        }
    }

    public String charset() {
        return charset.name();
    }

    private static Charset detect(byte[] head, int bom) throws Unreadable {
        if (decodes(head, bom, StandardCharsets.UTF_8)) {
            return StandardCharsets.UTF_8;
        }
        Charset gb = Charset.forName("GB18030");
        if (bom == 0 && decodes(head, 0, gb)) {
            return gb;
        }
        throw new Unreadable("the file is neither UTF-8 nor GB18030 text: save it as \"CSV UTF-8\" and upload it again");
    }

    /** Whether the bytes decode strictly; a character cut at the end of the sniffed part is allowed. */
    private static boolean decodes(byte[] bytes, int from, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buf = ByteBuffer.wrap(bytes, from, bytes.length - from);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(buf, out, false);
        return !result.isError() && (bytes.length < SNIFF ? buf.remaining() == 0 : buf.remaining() < 4);
    }

    /** The next data line, or null at the end of the file. */
    public Line next() throws IOException {
        long start;
        List<String> fields;
        do {
            start = lineNumber + 1;
            try {
                fields = nextFields();
            } catch (CharacterCodingException e) {
                return new Line(start, null, "not valid " + charset.name() + " text");
            } catch (LineTooLong e) {
                return new Line(start, null, "longer than " + MAX_LINE + " bytes");
            }
            if (fields == null) {
                return null;
            }
        } while (fields.size() == 1 && fields.get(0).isBlank()); // empty lines, e.g. at the end of the file
        if (fields.size() != columns.size()) {
            return new Line(start, null, "has " + fields.size() + " fields, the header has " + columns.size());
        }
        try {
            return new Line(start, new SalesInput(field(fields, "period"), field(fields, "brand"), field(fields, "product"),
                    field(fields, "platform"), field(fields, "township"), amount(field(fields, "amount")),
                    integer(field(fields, "orders"), "orders"), integer(field(fields, "units"), "units"),
                    bool(field(fields, "poor_household"))), null);
        } catch (IllegalArgumentException e) {
            return new Line(start, null, e.getMessage());
        }
    }

    private String field(List<String> fields, String name) {
        String v = fields.get(columns.get(name)).strip();
        return v.isEmpty() ? null : v;
    }

    private static BigDecimal amount(String v) {
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v.replace("¥", "").replace("￥", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("amount " + v + " is not a number");
        }
    }

    private static Integer integer(String v, String name) {
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " " + v + " is not a whole number");
        }
    }

    private static Boolean bool(String v) {
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "是" -> true;
            case "false", "no", "n", "0", "否" -> false;
            default -> throw new IllegalArgumentException("poor_household " + v + " is not true/false (是/否)");
        };
    }

    private static final class LineTooLong extends IOException {
    }

    /** Fields of the next record, joining physical lines while a quoted field is open; null at the end. */
    private List<String> nextFields() throws IOException {
        String line = nextLine();
        if (line == null) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        while (true) {
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
            if (!quoted) {
                break;
            }
            String more = nextLine();
            if (more == null || field.length() > MAX_LINE) {
                break; // an unclosed quote at the end of the file: take what there is
            }
            field.append('\n');
            line = more;
        }
        fields.add(field.toString());
        return fields;
    }

    /** One physical line without its CR LF / LF, decoded strictly; null at the end of the file. */
    private String nextLine() throws IOException {
        if (eof) {
            return null;
        }
        buffer.reset();
        int b;
        boolean tooLong = false;
        while ((b = in.read()) != -1 && b != '\n') {
            if (buffer.size() < MAX_LINE) {
                buffer.write(b);
            } else {
                tooLong = true;
            }
        }
        if (b == -1) {
            eof = true;
            if (buffer.size() == 0) {
                return null;
            }
        }
        lineNumber++;
        if (tooLong) {
            throw new LineTooLong();
        }
        byte[] bytes = buffer.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, 0, length)).toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
