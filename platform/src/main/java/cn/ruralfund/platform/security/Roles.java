package cn.ruralfund.platform.security;

/** The roles of DOMAIN.md, as JWT {@code groups}. */
public final class Roles {
    /** 电商办, the e-commerce office of the Commerce Bureau. */
    public static final String COMMERCE_OFFICE = "COMMERCE_OFFICE";
    /** 市财政局, the Finance Bureau. */
    public static final String FINANCE = "FINANCE";
    /** 领导小组, the leading group. */
    public static final String LEADING_GROUP = "LEADING_GROUP";
    /** 验收小组 member. */
    public static final String ACCEPTANCE_TEAM = "ACCEPTANCE_TEAM";
    /** 第三方审计机构. */
    public static final String AUDITOR = "AUDITOR";
    /** 承办企业; the token's {@code enterprise} claim is its unified social credit code. */
    public static final String ENTERPRISE = "ENTERPRISE";
    /** 乡镇电子商务信息服务助理员; the token's {@code township} claim names the township. */
    public static final String TOWNSHIP_ASSISTANT = "TOWNSHIP_ASSISTANT";

    /** The engineer on call: operates the platform (dead-letter replay), sees no program data beyond that. */
    public static final String OPERATOR = "OPERATOR";

    private Roles() {
    }
}
