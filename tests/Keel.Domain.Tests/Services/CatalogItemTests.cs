using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Services.Catalog;
using Keel.Domain.Services.Forms;

namespace Keel.Domain.Tests.Services;

public sealed class CatalogItemTests
{
    private static readonly Guid Sales = Guid.NewGuid();
    private static readonly Guid Finance = Guid.NewGuid();

    private static Service LiveService(string name = "Workplace") => new()
    {
        Name = name, Description = "Laptops, phones and the software on them.",
        OwnerId = Guid.NewGuid(), DeliveringTeamId = Guid.NewGuid(), Lifecycle = ServiceLifecycle.Live,
    };

    private static CatalogItem Item(Service service, string name = "New laptop") => new()
    {
        ServiceId = service.Id,
        Name = name,
        Description = "A laptop set up with your software, delivered to your desk.",
        Form = new FormDefinition
        {
            Fields = [new FormField { Key = "model", Label = "Model", Type = FieldType.Choice, Required = true, Options = ["Light", "Power"] }],
        },
        Approval = ApprovalNeed.RequesterManager,
        Tasks = [new FulfilmentTaskTemplate { Title = "Prepare laptop", TeamId = Guid.NewGuid(), Order = 1 }],
        ExpectedDelivery = TimeSpan.FromDays(3),
    };

    private static IReadOnlyDictionary<string, string[]> ErrorsOf(CatalogItem item)
    {
        var errors = new FieldErrors();
        item.Validate(errors);
        return errors.Any ? errors.ToError().Fields! : new Dictionary<string, string[]>();
    }

    [Fact]
    public void Validate_CompleteItem_HasNoErrors() => ErrorsOf(Item(LiveService())).ShouldBeEmpty();

    [Fact]
    public void Validate_BadFormDefinition_ReportsItsErrorsUnderForm()
    {
        var item = Item(LiveService());
        item.Form = new FormDefinition { Fields = [new FormField { Key = "1bad", Label = "Bad", Type = FieldType.Text }] };

        ErrorsOf(item).ShouldContainKey("form.fields[0].key");
    }

    [Fact]
    public void Validate_TaskWithoutTeamOrOrder_IsRefused()
    {
        var item = Item(LiveService());
        item.Tasks = [new FulfilmentTaskTemplate { Title = "", TeamId = Guid.Empty, Order = 0 }];

        ErrorsOf(item).Keys.ShouldBe(["tasks[0].title", "tasks[0].teamId", "tasks[0].order"], ignoreOrder: true);
    }

    [Fact]
    public void Validate_AudienceNeitherEveryoneNorUnits_IsRefused()
    {
        var item = Item(LiveService());
        item.ForEveryone = false;

        ErrorsOf(item).ShouldContainKey("businessUnitIds");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(400)]
    public void Validate_ExpectedDeliveryOutOfRange_IsRefused(int days)
    {
        var item = Item(LiveService());
        item.ExpectedDelivery = TimeSpan.FromDays(days);

        ErrorsOf(item).ShouldContainKey("expectedDelivery");
    }

    [Fact]
    public void IsOffered_ItemForOneUnit_OfferedOnlyToThatUnit()
    {
        var service = LiveService();
        var item = Item(service);
        item.ForEveryone = false;
        item.BusinessUnitIds = [Sales];

        Offering.IsOffered(service, item, Sales).ShouldBeTrue();
        Offering.IsOffered(service, item, Finance).ShouldBeFalse();
        Offering.IsOffered(service, item, null).ShouldBeFalse();
    }

    [Theory]
    [InlineData(ServiceLifecycle.Pipeline)]
    [InlineData(ServiceLifecycle.Retired)]
    public void IsOffered_ServiceNotLive_NeverOffered(ServiceLifecycle lifecycle)
    {
        var service = LiveService();
        service.Lifecycle = lifecycle;

        Offering.IsOffered(service, Item(service), Sales).ShouldBeFalse();
    }

    [Fact]
    public void IsOffered_InactiveItem_NotOffered()
    {
        var service = LiveService();
        var item = Item(service);
        item.Active = false;

        Offering.IsOffered(service, item, Sales).ShouldBeFalse();
    }

    [Fact]
    public void For_Requester_ListsOnlyLiveServicesWithItemsOfferedToTheirUnit()
    {
        var workplace = LiveService("Workplace");
        var crm = LiveService("CRM");
        var pipeline = LiveService("New intranet");
        pipeline.Lifecycle = ServiceLifecycle.Pipeline;
        var laptop = Item(workplace, "New laptop");
        var salesOnly = Item(crm, "CRM access");
        salesOnly.ForEveryone = false;
        salesOnly.BusinessUnitIds = [Sales];
        var intranet = Item(pipeline, "Intranet page");

        var forFinance = Offering.For([workplace, crm, pipeline], [laptop, salesOnly, intranet], Finance);
        var forSales = Offering.For([workplace, crm, pipeline], [laptop, salesOnly, intranet], Sales);

        forFinance.Select(o => o.Service.Name).ShouldBe(["Workplace"]);
        forSales.Select(o => o.Service.Name).ShouldBe(["CRM", "Workplace"]);
        forSales[0].Items.ShouldBe([salesOnly]);
    }
}
