package cn.ruralfund.platform.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** Bearer tokens signed with the development key, trusted only by the dev, test and local profiles. */
public final class Tokens {

    public static final String ISSUER = "https://ruralfund.cn/dev-issuer";
    private static final String KEY = "dev-keys/privateKey.pem";

    private Tokens() {
    }

    public static String of(String role) {
        return claims(role.toLowerCase() + "@dev", role).sign(KEY);
    }

    /** A token for a named user of a role, e.g. to find what one client's requests wrote. */
    public static String named(String name, String role) {
        return claims(name, role).sign(KEY);
    }

    public static String namedEnterprise(String name, String creditCode) {
        return claims(name, "ENTERPRISE").claim("enterprise", creditCode).sign(KEY);
    }

    public static String namedTownshipAssistant(String name, String township) {
        return claims(name, "TOWNSHIP_ASSISTANT").claim("township", township).sign(KEY);
    }

    /** An undertaking enterprise, identified by its unified social credit code. */
    public static String enterprise(String creditCode) {
        return claims("enterprise-" + creditCode, "ENTERPRISE").claim("enterprise", creditCode).sign(KEY);
    }

    public static String townshipAssistant(String township) {
        return claims("assistant-" + township, "TOWNSHIP_ASSISTANT").claim("township", township).sign(KEY);
    }

    /** An official of one county only (辖区): sees that county's programs and no other's. */
    public static String ofCounty(String role, String county) {
        return Jwt.issuer(ISSUER).upn(role.toLowerCase() + "@" + county).groups(role).claim("county", county).expiresIn(3600).sign(KEY);
    }

    /** Officials' tokens oversee every county ({@code county: "*"}) unless made with {@link #ofCounty}. */
    private static JwtClaimsBuilder claims(String name, String role) {
        return Jwt.issuer(ISSUER).upn(name).groups(role).claim("county", "*").expiresIn(3600);
    }
}
