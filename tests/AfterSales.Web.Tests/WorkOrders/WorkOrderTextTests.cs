using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using AfterSales.Domain.WorkOrders;
using AfterSales.Web.Features.WorkOrders;
using AfterSales.Web.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace AfterSales.Web.Tests.WorkOrders;

/// <summary>
/// The work-order pages' words (R-X-2): in Chinese every status, type, certificate, outcome and timeline entry reads exactly
/// as the domain names it (docs/glossary.md), and in English each has its own text — and no key is missing in English.
/// </summary>
public sealed partial class WorkOrderTextTests
{
    private static readonly IStringLocalizer<WorkOrderText> T = Localizer<WorkOrderText>();

    [Fact]
    public void Chinese_names_match_the_domain_and_English_names_are_English()
    {
        AssertNames(Enum.GetValues<WorkOrderKind>(), v => WorkOrderDisplay.Kind(T, v), WorkOrderNames.Kind);
        AssertNames(Enum.GetValues<WorkOrderStatus>(), v => WorkOrderDisplay.Status(T, v), WorkOrderNames.Status);
        AssertNames(Enum.GetValues<CertificateType>(), v => WorkOrderDisplay.Certificate(T, v), WorkOrderNames.Certificate);
        AssertNames(Enum.GetValues<RemoteOutcome>(), v => WorkOrderDisplay.Outcome(T, v), WorkOrderNames.Outcome);
        AssertNames([5, 60, 95], m => WorkOrderDisplay.Duration(T, m), WorkOrderNames.Duration);

        string[] entries = [.. Enum.GetValues<WorkOrderAction>().Select(WorkOrderNames.ActionName), "create", "step", "followUpOpened", "photo"];
        AssertNames(entries, a => WorkOrderDisplay.Entry(T, Entry(a, WorkOrderNames.Entry(a))), WorkOrderNames.Entry);

        // An entry the texts do not know keeps the label the server gave it.
        Assert.Equal("新动作", WorkOrderDisplay.Entry(T, Entry("somethingNew", "新动作")));
    }

    [Fact]
    public void English_has_every_key_Chinese_has()
    {
        AssertSameKeys(typeof(WorkOrderText));
    }

    internal static IStringLocalizer<TText> Localizer<TText>() =>
        new StringLocalizer<TText>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    internal static void AssertNames<TValue>(IEnumerable<TValue> values, Func<TValue, string> localised, Func<TValue, string> chinese)
    {
        foreach (var value in values)
        {
            Assert.Equal(chinese(value), In("zh-CN", () => localised(value)));
            var english = In("en", () => localised(value));
            Assert.False(string.IsNullOrWhiteSpace(english), $"{value}: no English text");
            Assert.DoesNotMatch(Han(), english);
        }
    }

    internal static void AssertSameKeys(Type marker)
    {
        var resources = new ResourceManager(marker);
        var chinese = Keys(resources, CultureInfo.InvariantCulture);
        var english = Keys(resources, CultureInfo.GetCultureInfo("en"));
        Assert.NotEmpty(chinese);
        Assert.Equal(chinese, english);
    }

    private static string[] Keys(ResourceManager resources, CultureInfo culture) =>
        [.. resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!.Cast<DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal)];

    private static string In(string culture, Func<string> text)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return text();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static WorkOrderEntryView Entry(string action, string label) => new(1, DateTimeOffset.UnixEpoch, "张工", action, label, null, null, null);

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
