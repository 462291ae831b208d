package cn.ruralfund.publicity.rest;

import io.quarkus.qute.TemplateExtension;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the portal pages show times: China Standard Time, to the minute. */
@TemplateExtension
public class PortalFormats {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    static String minute(OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(ZONE).format(MINUTE);
    }

    static String day(OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(ZONE).toLocalDate().toString();
    }
}
