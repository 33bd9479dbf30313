package com.kefu.dutylog.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.util.List;

/** A new page took over what the previous shift of its post left open (D1, 延续上班的工作). */
@PublishedEvent(type = "MattersCarriedOver", version = 1)
public record MattersCarriedOverEvent(String shiftId, String fromShiftId, List<OpenMatter> openMatters,
                                      List<Instruction> instructions) {
}
