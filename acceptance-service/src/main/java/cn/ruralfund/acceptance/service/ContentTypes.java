package cn.ruralfund.acceptance.service;

import java.util.Locale;
import java.util.Set;

/**
 * Detects a file's type from its leading bytes (magic numbers), never from its name: an executable renamed
 * {@code .pdf} is still an executable. Only the types acceptance materials need are allowed.
 */
public final class ContentTypes {

    public static final String PDF = "application/pdf";
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";
    /** A ZIP container: .docx, .xlsx, or a zip of photos. */
    public static final String ZIP = "application/zip";
    /** The old OLE2 compound document: .doc, .xls. */
    public static final String OLE2 = "application/x-ole-storage";
    public static final String EXECUTABLE = "application/x-msdownload";
    public static final String ELF = "application/x-executable";
    public static final String UNKNOWN = "application/octet-stream";

    public static final Set<String> ALLOWED = Set.of(PDF, PNG, JPEG, ZIP, OLE2);

    private ContentTypes() {
    }

    public static String detect(byte[] b) {
        if (starts(b, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
            return PDF; // %PDF-
        }
        if (starts(b, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (starts(b, 0x50, 0x4B, 0x03, 0x04)) {
            return ZIP;
        }
        if (starts(b, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return OLE2;
        }
        if (starts(b, 0x4D, 0x5A)) {
            return EXECUTABLE; // MZ: a Windows executable
        }
        if (starts(b, 0x7F, 0x45, 0x4C, 0x46)) {
            return ELF;
        }
        return UNKNOWN;
    }

    /**
     * Whether a declared type (the multipart part's Content-Type) agrees with the detected one. Generic
     * declarations (none, octet-stream) agree with anything; Office formats agree with their containers.
     */
    public static boolean agree(String declared, String detected) {
        if (declared == null || declared.isBlank()) {
            return true;
        }
        String d = declared.toLowerCase(Locale.ROOT).split(";")[0].trim();
        if (d.equals(UNKNOWN) || d.equals(detected)) {
            return true;
        }
        if (detected.equals(JPEG) && d.equals("image/jpg")) {
            return true;
        }
        if (detected.equals(ZIP)) {
            return d.equals("application/x-zip-compressed") || d.startsWith("application/vnd.openxmlformats-officedocument.");
        }
        if (detected.equals(OLE2)) {
            return d.equals("application/msword") || d.equals("application/vnd.ms-excel");
        }
        return false;
    }

    private static boolean starts(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
