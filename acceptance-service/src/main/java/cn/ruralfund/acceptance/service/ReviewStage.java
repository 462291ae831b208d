package cn.ruralfund.acceptance.service;

/** The review steps announced as review-recorded (R4, public by R17). */
final class ReviewStage {
    /** 初审 by the office. */
    static final String INITIAL = "INITIAL";
    /** 实地评审 by one acceptance-team member. */
    static final String ON_SITE = "ON_SITE";
    /** 会审 by Finance. */
    static final String JOINT = "JOINT";

    private ReviewStage() {
    }
}
