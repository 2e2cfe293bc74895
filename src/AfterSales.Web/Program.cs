using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using AfterSales.Data;
using AfterSales.Web.Components;
using AfterSales.Web.Components.Shared;
using AfterSales.Web.Features.Assets;
using AfterSales.Web.Features.Audit;
using AfterSales.Web.Features.Calendars;
using AfterSales.Web.Features.Catalogue;
using AfterSales.Web.Features.Complaints;
using AfterSales.Web.Features.CustomerSanctions;
using AfterSales.Web.Features.Disputes;
using AfterSales.Web.Features.Quotes;
using AfterSales.Web.Features.Documents;
using AfterSales.Web.Features.Deadlines;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Features.Loaners;
using AfterSales.Web.Features.Parts;
using AfterSales.Web.Features.Invoices;
using AfterSales.Web.Features.Maintenance;
using AfterSales.Web.Features.WorkOrders;
using AfterSales.Web.Features.Penalties;
using AfterSales.Web.Features.Platform;
using AfterSales.Web.Features.Policies;
using AfterSales.Web.Features.Ratings;
using AfterSales.Web.Features.ReturnToFactory;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Features.ServiceRequests.Actions;
using AfterSales.Web.Features.ServiceRequests.Attachments;
using AfterSales.Web.Features.Warranty;
using AfterSales.Web.Hosting;
using AfterSales.Web.Http;
using AfterSales.Web.Jobs;
using AfterSales.Web.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;
using Scalar.AspNetCore;

// AfterSales: one host for the REST API, the web UI and the background jobs (ADR 0001).
var builder = WebApplication.CreateBuilder(args);

// `dotnet run` starts in Production from the build output: serve the libraries' static web assets
// (MudBlazor, the Blazor script) from the build manifest there too. A published app has none and uses wwwroot.
builder.WebHost.UseStaticWebAssets();
var services = builder.Services;

// Platform
services.AddSingleton(TimeProvider.System);
services.AddAppDatabase(builder.Configuration, builder.Environment);
services.AddAppIdentity();
services.AddMemoryCache();
services.AddSingleton<ActiveUsers>();
services.AddDataProtection().SetApplicationName("AfterSales").PersistKeysToDbContext<AppDbContext>();
services.AddProblemDetails();
services.AddExceptionHandler<ProblemMapper>();
services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
{
    document.Info.Title = "AfterSales 售后服务管理系统 API";
    document.Info.Version = "v1";
    return Task.CompletedTask;
}));
services.AddHealthChecks()
    .AddDbContextCheck<AppDbContext>("database", tags: ["ready"])
    .AddCheck<CalendarCoverageCheck>("calendars", tags: ["ready"]);
services.AddRazorComponents().AddInteractiveServerComponents();

// Server-rendered HTML (sign-in page, printed documents) carries Chinese as text, not as &#x…; escapes.
services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
services.AddMudServices();
services.AddLocalization();
services.AddScoped<ScopedOperations>();
services.AddScoped<Ticker>();

// Policies and deadlines
services.AddSingleton<ServiceRulesCatalog>();
services.AddPolicyFeatures();
services.AddSingleton<DeadlineNotifier>();
services.AddScoped<DeadlineQueries>();
services.AddScoped<DeadlineBoardQueries>();
services.AddSingleton<DeadlineMonitor>();
services.AddHostedService<DeadlineMonitorWorker>();
services.AddCalendarFeatures();
services.AddNotificationFeatures();
services.AddPenaltyFeatures();
services.AddComplaintFeatures(); // complaints: ledger, analysis, staff suspension (R-CMP-1, R-CMP-2)
services.AddCustomerSanctionFeatures(); // customer abuse controls: fake claims, suspension, blacklist (R-FRD-1)
services.AddDisputeFeatures(); // disputes and platform arbitration (R-DSP-1..3)
services.AddInvoiceFeatures(); // issue 4 invoices (R-FEE-1)
services.AddRatingFeatures(); // supplier ratings and sanctions, scorecards (R-RAT-1, R-RAT-2)
services.AddWorkOrderFeatures(); // issue 6 work orders, engineers and dispatch (R-EXE-1, R-EXE-2)
services.AddReturnToFactoryFeatures(); // issue 6 §5 return to factory and replacement (R-EXE-5, R-EXE-6)
services.AddPartsFeatures(); // issue 6 spare parts and old-part returns (R-EXE-4, R-KPI-4, R-DLR-2/3)
services.AddLoanerFeatures(); // issue 6 loaners (R-EXE-7)
services.AddMaintenanceFeatures(); // issue 6 maintenance contracts, plans, visits and reports (R-MNT-1, R-RV-2, R-EXE-3)

// Catalogue, orders, assets, organisations
services.AddCatalogueFeatures();
services.AddAssetFeatures(); // assets: bulk import and per-device archive (R-BLK-1)
services.AddAuditFeatures();
services.AddPlatformFeatures();
services.AddWarrantyFeatures(); // warranty (issue 4)

// Service requests: one use case per business verb
services.AddSingleton<IAttachmentStore>(sp => new LocalDiskAttachmentStore(
    Path.Combine(Database.DataDirectory(builder.Configuration, builder.Environment), "attachments"), sp.GetRequiredService<TimeProvider>()));
services.AddScoped<AttachmentIntake>();
services.AddScoped<ServiceRequestQueries>();
services.AddScoped<RequestDocuments>();
services.AddScoped<OpenServiceRequest>();
services.AddScoped<AttachFile>();
services.AddScoped<DownloadAttachment>();
services.AddScoped<ServiceRequestActionRunner>();
services.AddScoped<SupplyInfo>();
services.AddScoped<ResolveAtIntake>();
services.AddScoped<ReceiveServiceRequest>();
services.AddScoped<JudgeResponsibility>();
services.AddScoped<AcceptQuote>();
services.AddScoped<DeclineQuote>();
services.AddScoped<StartService>();
services.AddScoped<CompleteService>();
services.AddScoped<AcceptService>();
services.AddScoped<RejectService>();
services.AddScoped<RecordRevisit>();
services.AddScoped<ArchiveServiceRequest>();
services.AddScoped<CancelServiceRequest>();
services.AddScoped<ClassifyLevel>();

// Quotes and agreements: price-list maintenance, client sessions, service and confidentiality agreements (R-QUO-1..3, R-SEC-1)
services.AddQuoteFeatures();

// Start-up: migrations, roles, presets, demo data
services.AddScoped<DemoData>();

var app = builder.Build();
await app.PrepareDatabaseAsync();

app.UseExceptionHandler();
app.UseStatusCodePages();
var cultures = new[] { new CultureInfo("zh-CN"), new CultureInfo("en") };
var localization = new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture("zh-CN"),
    SupportedCultures = cultures,
    SupportedUICultures = cultures,
};

// Chinese unless the user picked English with the switch (cookie): the browser's language does not decide (R-X-2).
localization.RequestCultureProviders = [.. localization.RequestCultureProviders.Where(p => p is not AcceptLanguageHeaderRequestCultureProvider)];
app.UseRequestLocalization(localization);
app.MapStaticAssets();
app.UseAuthentication();
app.UseMiddleware<CallerMiddleware>();
app.UseAuthorization();
app.UseMiddleware<QueryEnums>();
app.UseAntiforgery();

var api = app.MapGroup("/api/v1").RequireAuthorization();
api.MapAuthApi();
api.MapServiceRequestsApi();
api.MapDocumentsApi();
api.MapDeadlinesApi();
api.MapCalendarsApi();
api.MapNotificationsApi();
api.MapPenaltiesApi();
api.MapComplaintsApi(); // complaints (R-CMP-1, R-CMP-2)
api.MapCustomerSanctionsApi(); // customer abuse controls (R-FRD-1)
api.MapDisputesApi(); // disputes and platform arbitration (R-DSP-1..3)
api.MapCatalogueApi();
api.MapAssetsApi(); // assets: bulk import and per-device archive (R-BLK-1)
api.MapPoliciesApi();
api.MapAuditApi();
api.MapPlatformApi();
api.MapWarrantyApi(); // warranty (issue 4)
api.MapQuotesApi(); // quotes and agreements
api.MapInvoicesApi(); // issue 4 invoices (R-FEE-1)
api.MapRatingsApi(); // supplier ratings and sanctions, scorecards (R-RAT-1, R-RAT-2)
api.MapWorkOrdersApi(); // issue 6 work orders, engineers and dispatch (R-EXE-1, R-EXE-2)
api.MapReturnToFactoryApi(); // issue 6 §5 return to factory and replacement (R-EXE-5, R-EXE-6)
api.MapPartsApi(); // issue 6 spare parts and old-part returns (R-EXE-4, R-KPI-4, R-DLR-2/3)
api.MapLoanersApi(); // issue 6 loaners (R-EXE-7)
api.MapMaintenanceApi(); // issue 6 maintenance contracts, plans, visits and reports (R-MNT-1, R-RV-2, R-EXE-3)

app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
app.MapScalarApiReference("/scalar").AllowAnonymous();
app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
app.MapWebSignIn();
app.MapCultureSwitch();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
