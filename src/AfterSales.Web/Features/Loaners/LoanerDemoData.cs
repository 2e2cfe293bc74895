using AfterSales.Data;
using AfterSales.Domain.Loaners;

namespace AfterSales.Web.Features.Loaners;

/// <summary>Demo loaner pool of 华东精密 (R-EXE-7): two machining centres of the VMC-850's grade and a PLC, all in the Suzhou warehouse.</summary>
public static class LoanerDemoData
{
    public static void Seed(AppDbContext db, Guid supplierId, DateTimeOffset now)
    {
        db.LoanerUnits.AddRange(
            LoanerUnit.Register(Guid.CreateVersion7(now), supplierId, "BYJ-001", "VMC850-L-0001", "VMC-850", "立式数控加工中心（备用机）", "中型立加",
                LoanerCondition.Good, "苏州中心仓", "系统", null, now),
            LoanerUnit.Register(Guid.CreateVersion7(now), supplierId, "BYJ-002", "VMC1000-L-0001", "VMC-1000", "立式数控加工中心（备用机）", "中型立加",
                LoanerCondition.Worn, "苏州中心仓", "系统", null, now),
            LoanerUnit.Register(Guid.CreateVersion7(now), supplierId, "BYJ-003", "PLC200-L-0001", "PLC-200", "工业可编程控制器（备用机）", "控制器",
                LoanerCondition.Good, "苏州中心仓", "系统", null, now));
    }
}
