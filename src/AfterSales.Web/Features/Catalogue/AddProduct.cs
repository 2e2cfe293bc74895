using AfterSales.Data;
using AfterSales.Domain.Catalogue;
using AfterSales.Domain.Organizations;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Catalogue;

/// <summary>
/// 新增产品: a supplier adds a model to its catalogue (a platform admin does it for a named supplier). The model is
/// unique within the supplier's catalogue; the category keys the policy's warranty term (R-WTY-1).
/// </summary>
public sealed class AddProduct(AppDbContext db, CallerContext callers, TimeProvider clock)
{
    public sealed record Command(string? Model, string? Name, string? Category, int? WarrantyMonths = null, string? Specification = null, Guid? SupplierId = null);

    public async Task<Guid> HandleAsync(Command command, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        var supplierId = await CatalogueWrites.ActingSupplierAsync(db, caller, Permissions.ProductsManage, command.SupplierId, "addProduct", "您的角色不能维护产品目录。", cancellationToken);
        var fingerprint = CatalogueWrites.Fingerprint("addProduct", command);
        if (idempotencyKey is not null && await Idempotency.FindAsync(db, caller.UserId, idempotencyKey, fingerprint, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var now = clock.GetUtcNow();
        var product = Product.Define(Guid.CreateVersion7(now), supplierId, command.Model, command.Name, command.Category, command.WarrantyMonths, command.Specification);
        var duplicate = new DuplicateRecord("model", $"型号 {product.Model} 已在该供应商的产品目录中。");
        Task<bool> Taken() => db.Products.IgnoreQueryFilters().AnyAsync(p => p.SupplierId == supplierId && p.Model == product.Model, cancellationToken);
        if (await Taken())
        {
            throw duplicate;
        }

        db.Products.Add(product);
        if (idempotencyKey is not null)
        {
            Idempotency.Record(db, caller.UserId, idempotencyKey, fingerprint, product.Id, StatusCodes.Status201Created, now);
        }

        return await CatalogueWrites.SaveNewAsync(db, product.Id, Taken, duplicate, caller.UserId, idempotencyKey, fingerprint, cancellationToken);
    }
}
