using Keel.Domain.Services;
using Keel.Domain.Services.Catalog;
using Keel.Domain.Services.Configuration;
using Keel.Domain.Services.Forms;

namespace Keel.Application.Demo;

/// <summary>
/// The tiny portfolio: two live services owned by <c>owner</c> and one in the pipeline; Sales (requester) is offered
/// only the laptop item, Finance (requester2) also the software licence and VPN access. A failing core switch reaches
/// both live services through four CIs.
/// </summary>
internal static class TinyServices
{
    public static void Build(DemoSeedContext context, DemoOrganization org, ServicesSeed seed)
    {
        var owner = org.Person(DemoAccounts.Owner);
        var admin = org.Person(DemoAccounts.Admin);
        var sales = org.Unit(BusinessUnitCatalog.Sales.Code);
        var finance = org.Unit(BusinessUnitCatalog.Finance.Code);
        var desk = org.Team(TeamCatalog.ServiceDesk.Name);
        var network = org.Team(TeamCatalog.Network.Name);

        var workplace = seed.AddService(context, "Workplace Services",
            "Your laptop, phone and the software on them: set up, kept safe and replaced when they fail.",
            owner.Id, desk.Id, ServiceLifecycle.Live, 2);
        seed.AddConsumer(context, workplace, sales, 0.6m);
        seed.AddConsumer(context, workplace, finance, 0.4m);
        seed.AddOutcome(context, workplace, "Productive sales force on the road", sales, 400_000, OutcomeBasis.RevenueEnabled, 0.25m);
        seed.AddCost(context, workplace, "Device management licences", CostCategory.Licences, 2_400);
        seed.AddCost(context, workplace, "Laptop leasing", CostCategory.Vendors, 9_800);

        var remote = seed.AddService(context, "Remote Access",
            "Reach the company network safely from home or on the road.", owner.Id, network.Id, ServiceLifecycle.Live, 2);
        seed.AddConsumer(context, remote, finance, null);
        seed.AddOutcome(context, remote, "Month-end close from anywhere", finance, 120_000, OutcomeBasis.RiskReduced, 0.5m);
        seed.AddCost(context, remote, "VPN gateway support", CostCategory.Vendors, 1_100);

        seed.AddPool(context, "Service desk tooling", 3_000, AllocationBasis.FixedShares, (workplace, 0.7m), (remote, 0.3m));

        var portal = seed.AddService(context, "Customer Self-Service Portal",
            "Lets customers track orders and open cases without calling us.", admin.Id, desk.Id, ServiceLifecycle.Pipeline, 3);

        seed.AddItem(context, workplace, "New laptop", "A new or replacement laptop, set up with your software.", LaptopForm, null,
            ApprovalNeed.RequesterManager, [new FulfilmentTaskTemplate { Title = "Prepare laptop", TeamId = desk.Id, Order = 1 }], 72);
        seed.AddItem(context, workplace, "Software licence", "A licence for a program that is not on every laptop.", SoftwareForm, [finance],
            ApprovalNeed.None, [new FulfilmentTaskTemplate { Title = "Assign licence", TeamId = desk.Id, Order = 1 }], 24);
        seed.AddItem(context, remote, "VPN access", "Access to the company network from outside the office.", VpnForm, [finance],
            ApprovalNeed.ServiceOwner, [new FulfilmentTaskTemplate { Title = "Grant VPN profile", TeamId = network.Id, Order = 1 }], 8);
        seed.AddItem(context, portal, "Portal beta access", "Try the customer portal before it launches.", FormDefinition.Empty, null,
            ApprovalNeed.None, [], 24);

        var core = seed.AddCi(context, "core-switch-01", CiTypes.NetworkDevice, new() { ["vendor"] = "Arista", ["site"] = "Frankfurt" });
        var vpn = seed.AddCi(context, "vpn-gateway-01", CiTypes.NetworkDevice, new() { ["vendor"] = "Fortinet" }, remote);
        var host = seed.AddCi(context, "esx-01", CiTypes.Server, new() { ["os"] = "VMware ESXi 8" });
        var vm = seed.AddCi(context, "vm-mdm-01", CiTypes.VirtualMachine, new() { ["os"] = "Windows Server 2022" });
        var mdm = seed.AddCi(context, "Device Management", CiTypes.Application, new() { ["vendor"] = "Microsoft Intune" }, workplace);
        seed.Relate(context, vpn, RelationshipType.ConnectsTo, core);
        seed.Relate(context, host, RelationshipType.ConnectsTo, core);
        seed.Relate(context, vm, RelationshipType.HostedBy, host);
        seed.Relate(context, mdm, RelationshipType.RunsOn, vm);
    }

    internal static readonly FormDefinition LaptopForm = new()
    {
        Fields =
        [
            new FormField { Key = "model", Label = "Model", Type = FieldType.Choice, Required = true, Options = ["Standard 14\"", "Performance 16\"", "Other"] },
            new FormField { Key = "other_model", Label = "Which model?", Type = FieldType.Text, Required = true, ShowIf = new ShowIf { Field = "model", Values = ["Other"] } },
            new FormField { Key = "needed_by", Label = "Needed by", Type = FieldType.Date },
            new FormField { Key = "reason", Label = "Why do you need it?", Type = FieldType.LongText, Help = "A sentence is enough." },
        ],
    };

    internal static readonly FormDefinition SoftwareForm = new()
    {
        Fields =
        [
            new FormField { Key = "product", Label = "Program", Type = FieldType.Text, Required = true, MaxLength = 100 },
            new FormField { Key = "seats", Label = "Number of seats", Type = FieldType.Number, Required = true, Min = 1, Max = 50 },
            new FormField { Key = "for_person", Label = "For whom?", Type = FieldType.Person },
        ],
    };

    internal static readonly FormDefinition VpnForm = new()
    {
        Fields =
        [
            new FormField { Key = "devices", Label = "Devices", Type = FieldType.MultiChoice, Required = true, Options = ["Laptop", "Phone", "Tablet"] },
        ],
    };
}
