package cn.ruralfund.publicity;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;

import static cn.ruralfund.publicity.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** The portal's Chinese pages (escaped, no JavaScript needed) and the Atom feed, read by a real feed parser. */
@QuarkusTest
class PortalTest {

    @jakarta.inject.Inject
    io.vertx.core.Vertx vertx;

    static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";
    static final String SCRIPT = "<script>alert(1)</script>";

    @Test
    void anObjectionFiledThroughTheFormShowsAsTextOnThePage() {
        today("2021-06-03");
        String id = announcedByName("门户页面测试项目", vertx);
        given().contentType(FORM).header("X-Forwarded-For", address()).formParam("name", "岩罕<b>").formParam("contact", "13988888888")
                .formParam("text", SCRIPT + " 该项目未建成")
                .post("/portal/announcements/" + id + "/objections").then().statusCode(201)
                .contentType("text/html").body(containsString("异议已收到"));
        String page = given().get("/portal/announcements/" + id).then().statusCode(200).contentType("text/html")
                .header("ETag", org.hamcrest.Matchers.notNullValue())
                .body(containsString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
                .body(containsString("关于门户页面测试项目验收合格的公示")).body(containsString("公示期 5 个工作日，截止 2021-06-10"))
                .body(containsString("提交异议")).extract().asString();
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt; 该项目未建成").doesNotContain(SCRIPT)
                .doesNotContain("13988888888").doesNotContain("岩罕");
        // the list links to it
        given().get("/portal/announcements").then().statusCode(200).body(containsString("/portal/announcements/" + id));
        // outside the window the form refuses, in Chinese, and stores nothing
        today("2021-06-11");
        given().contentType(FORM).header("X-Forwarded-For", address()).formParam("name", "甲").formParam("contact", "1").formParam("text", "期满后的异议")
                .post("/portal/announcements/" + id + "/objections").then().statusCode(422).body(containsString("不在公示期内"));
        given().contentType(FORM).header("X-Forwarded-For", address()).formParam("name", "甲").formParam("contact", "1").formParam("text", "")
                .post("/portal/announcements/" + id + "/objections").then().statusCode(400).body(containsString("异议内容不能为空"));
        detail(id).body("objections.size()", org.hamcrest.Matchers.equalTo(1));
        given().get("/portal/announcements/" + java.util.UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void theAtomFeedParsesWithARealFeedParser() throws Exception {
        today("2021-06-03");
        String id = announcedByName("订阅源测试项目 & <特殊字符>", vertx);
        byte[] body = given().get("/feeds/announcements.atom").then().statusCode(200).contentType("application/atom+xml")
                .header("Cache-Control", containsString("max-age")).extract().asByteArray();
        SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(body)));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getEntries()).extracting(SyndEntry::getUri).contains("urn:uuid:" + id);
        SyndEntry entry = feed.getEntries().stream().filter(e -> e.getUri().equals("urn:uuid:" + id)).findFirst().orElseThrow();
        assertThat(entry.getTitle()).isEqualTo("关于订阅源测试项目 & <特殊字符>验收合格的公示");
        assertThat(entry.getLink()).endsWith("/portal/announcements/" + id);
        assertThat(entry.getPublishedDate()).isNotNull();
    }

    @Test
    void theNoticePagesRender() {
        given().get("/portal/notices").then().statusCode(200).contentType("text/html").body(containsString("公告"))
                .body(not(containsString("{#")));
    }
}
