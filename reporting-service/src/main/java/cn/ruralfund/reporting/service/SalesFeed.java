package cn.ruralfund.reporting.service;

import cn.ruralfund.platform.contracts.SalesRecordedV1;
import cn.ruralfund.platform.events.CloudEvent;
import cn.ruralfund.platform.inbox.PoisonMessageException;
import cn.ruralfund.platform.time.PlatformClock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Sales records from machine feeds, checked exactly as through the API, the reporting enterprise standing for the
 * reporter: it may report its own brands only. A refused record is a poison message: it goes to the dead-letter
 * topic with the reason, and the feed goes on.
 */
@ApplicationScoped
public class SalesFeed {

    private final Register register;
    private final SalesLedger ledger;
    private final PlatformClock clock;

    SalesFeed(Register register, SalesLedger ledger, PlatformClock clock) {
        this.register = register;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** In the Inbox's transaction. */
    public Uni<Void> apply(CloudEvent event, SalesRecordedV1 data) {
        if (data.enterpriseCreditCode() == null || data.enterpriseCreditCode().isBlank()) {
            throw new PoisonMessageException("sales-recorded without enterpriseCreditCode", null);
        }
        SalesInput input = new SalesInput(data.period(), data.brand(), data.product(), data.platform(), data.township(),
                data.amount(), data.orders(), data.units(), data.poorHousehold());
        Reporter reporter = Reporter.feed(event.source(), data.enterpriseCreditCode());
        return register.cachedSnapshot().chain(cached -> {
            try {
                return Uni.createFrom().item(SalesCheck.check(input, cached, reporter, clock.today()));
            } catch (RowRejected e) {
                return register.snapshot().map(fresh -> { // a brand or product registered since the copy was taken
                    try {
                        return SalesCheck.check(input, fresh, reporter, clock.today());
                    } catch (RowRejected refused) {
                        throw new PoisonMessageException("sales record refused: " + refused.getMessage(), refused);
                    }
                });
            }
        }).chain(row -> ledger.apply(List.of(row), "KAFKA", "feed:" + event.source()).replaceWithVoid());
    }
}
