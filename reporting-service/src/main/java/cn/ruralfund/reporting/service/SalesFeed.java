package cn.ruralfund.reporting.service;

import cn.ruralfund.platform.contracts.SalesRecordedV1;
import cn.ruralfund.platform.events.CloudEvent;
import cn.ruralfund.platform.inbox.PoisonMessageException;
import cn.ruralfund.platform.time.PlatformClock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
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

    /** One event, in the Inbox's transaction (the path of a record the batch could not take). */
    public Uni<Void> apply(CloudEvent event, SalesRecordedV1 data) {
        return register.cachedSnapshot().chain(cached -> {
            try {
                return Uni.createFrom().item(check(event, data, cached));
            } catch (RowRejected e) {
                return register.snapshot().map(fresh -> { // a brand or product registered since the copy was taken
                    try {
                        return check(event, data, fresh);
                    } catch (RowRejected refused) {
                        throw new PoisonMessageException("sales record refused: " + refused.getMessage(), refused);
                    }
                });
            }
        }).chain(row -> ledger.apply(List.of(row), "KAFKA", "feed:" + event.source()).replaceWithVoid());
    }

    /** An event of a batch and its data; {@code row} is set when it passed the checks. */
    public static final class Item {
        final CloudEvent event;
        final SalesRecordedV1 data;
        SalesRow row;

        public Item(CloudEvent event, SalesRecordedV1 data) {
            this.event = event;
            this.data = data;
        }

        public CloudEvent event() {
            return event;
        }

        public boolean accepted() {
            return row != null;
        }
    }

    /**
     * Checks every item against the register (the cached copy, then once a fresh one for those it refused). Outside
     * any transaction; afterwards {@link Item#accepted()} says which items {@link #applyChecked} may write.
     */
    public Uni<List<Item>> check(List<Item> items) {
        return register.cachedSnapshot().chain(cached -> {
            boolean refused = checkAll(items, cached);
            return refused ? register.snapshot().map(fresh -> {
                checkAll(items, fresh);
                return items;
            }) : Uni.createFrom().item(items);
        });
    }

    private boolean checkAll(List<Item> items, RegisterSnapshot register) {
        boolean refused = false;
        for (Item item : items) {
            if (item.row == null) {
                try {
                    item.row = check(item.event, item.data, register);
                } catch (RowRejected | PoisonMessageException e) {
                    refused = true;
                }
            }
        }
        return refused;
    }

    /**
     * Writes the accepted items in their order, in the caller's transaction: consecutive items of one feed source in
     * one ledger call (the ledger applies a key seen twice as a later correction, so the order of each key is kept).
     */
    public Uni<Void> applyChecked(List<Item> items) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        List<SalesRow> run = new ArrayList<>();
        String source = null;
        for (Item item : items) {
            if (!item.accepted()) {
                continue;
            }
            if (source != null && !source.equals(item.event.source())) {
                chain = write(chain, List.copyOf(run), source);
                run.clear();
            }
            source = item.event.source();
            run.add(item.row);
        }
        return run.isEmpty() ? chain : write(chain, List.copyOf(run), source);
    }

    private Uni<Void> write(Uni<Void> chain, List<SalesRow> rows, String source) {
        return chain.chain(() -> ledger.apply(rows, "KAFKA", "feed:" + source)).replaceWithVoid();
    }

    private SalesRow check(CloudEvent event, SalesRecordedV1 data, RegisterSnapshot register) {
        if (data.enterpriseCreditCode() == null || data.enterpriseCreditCode().isBlank()) {
            throw new PoisonMessageException("sales-recorded without enterpriseCreditCode", null);
        }
        SalesInput input = new SalesInput(data.period(), data.brand(), data.product(), data.platform(), data.township(),
                data.amount(), data.orders(), data.units(), data.poorHousehold());
        return SalesCheck.check(input, register, Reporter.feed(event.source(), data.enterpriseCreditCode()), clock.today());
    }
}
