package com.kefu.membership.command;

import com.kefu.membership.command.Campaign.AddStockCommand;
import com.kefu.membership.command.Campaign.HandOutCommand;
import com.kefu.membership.command.Campaign.StartCampaignCommand;
import com.kefu.membership.command.MemberCommands.ConfirmActiveCommand;
import com.kefu.platform.axon.Commands;
import com.kefu.platform.idempotency.IdempotentCreates;
import com.kefu.platform.security.CurrentUser;
import com.kefu.platform.time.MallTime;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/** Gift campaigns and their hand-outs (M3); a hand-out first asks the member whether they are active. */
@Service
public class GiftDesk {

    private final Commands commands;
    private final Clock clock;
    private final MallTime mallTime;
    private final IdempotentCreates creates;

    GiftDesk(Commands commands, Clock clock, MallTime mallTime, IdempotentCreates creates) {
        this.creates = creates;
        this.commands = commands;
        this.clock = clock;
        this.mallTime = mallTime;
    }

    public String startCampaign(String name, String item, int stock, int perMemberLimit, LocalDate startsOn,
                                LocalDate endsOn, String idempotencyKey) {
        return creates.once("campaign", idempotencyKey, String.class,
                () -> startCampaign(name, item, stock, perMemberLimit, startsOn, endsOn));
    }

    private String startCampaign(String name, String item, int stock, int perMemberLimit, LocalDate startsOn,
                                LocalDate endsOn) {
        String id = UUID.randomUUID().toString();
        commands.send(new StartCampaignCommand(id, name, item, stock, perMemberLimit, startsOn, endsOn, actor(),
                clock.instant()));
        return id;
    }

    public int addStock(String campaignId, int quantity) {
        return commands.send(new AddStockCommand(campaignId, quantity, actor(), clock.instant()));
    }

    /** Answers the stock left. */
    public int handOut(String campaignId, String memberId, int quantity) {
        commands.send(new ConfirmActiveCommand(memberId, "receive gifts"));
        return commands.send(new HandOutCommand(campaignId, memberId, quantity,
                mallTime.today(), actor(), clock.instant()));
    }

    private static String actor() {
        return CurrentUser.get().username();
    }
}
