package cn.ruralfund.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** An RFC 9457 problem detail, served as {@code application/problem+json}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Problem types are stable URIs; the last segment names the rule, e.g. {@code r7-pre-disbursement-cap}. */
    public static final String TYPE_BASE = "https://ruralfund.cn/problems/";

    public record FieldError(String field, String message) {
    }
}
