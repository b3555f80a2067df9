using Keel.Domain.Platform;
using Keel.Domain.Services;

namespace Keel.Domain.Tests.Services;

public sealed class PortfolioTests
{
    private static readonly Guid ServiceId = Guid.NewGuid();
    private static readonly Guid Sales = Guid.NewGuid();

    private static IReadOnlyDictionary<string, string[]> Check(Action<FieldErrors> validate)
    {
        var errors = new FieldErrors();
        validate(errors);
        return errors.Any ? errors.ToError().Fields! : new Dictionary<string, string[]>();
    }

    [Fact]
    public void ServiceConsumer_FixedShareWithinZeroAndOne_IsAccepted()
    {
        var consumer = new ServiceConsumer { ServiceId = ServiceId, BusinessUnitId = Sales, Share = 0.4m };

        Check(consumer.Validate).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.01)]
    public void ServiceConsumer_ShareOutsideZeroAndOne_IsRefused(double share)
    {
        var consumer = new ServiceConsumer { ServiceId = ServiceId, BusinessUnitId = Sales, Share = (decimal)share };

        Check(consumer.Validate).ShouldContainKey("share");
    }

    [Fact]
    public void ServiceConsumer_FixedSharesWithoutShare_IsRefused()
    {
        var consumer = new ServiceConsumer { ServiceId = ServiceId, BusinessUnitId = Sales, Basis = AllocationBasis.FixedShares };

        Check(consumer.Validate)["share"].ShouldHaveSingleItem().ShouldContain("required");
    }

    [Fact]
    public void ServiceConsumer_MeasuredBasisWithShare_IsRefused()
    {
        var consumer = new ServiceConsumer { ServiceId = ServiceId, BusinessUnitId = Sales, Basis = AllocationBasis.Tickets, Share = 0.5m };

        Check(consumer.Validate).ShouldContainKey("share");
    }

    [Fact]
    public void ServiceConsumer_MeasuredBasis_NeedsNoShare()
    {
        var consumer = new ServiceConsumer { ServiceId = ServiceId, BusinessUnitId = Sales, Basis = AllocationBasis.ConsumingUsers };

        Check(consumer.Validate).ShouldBeEmpty();
    }

    [Fact]
    public void ServiceConsumer_SetWithSharesAboveOneOrAUnitTwice_IsRefused()
    {
        ServiceConsumer[] consumers =
        [
            new() { ServiceId = ServiceId, BusinessUnitId = Sales, Share = 0.7m },
            new() { ServiceId = ServiceId, BusinessUnitId = Sales, Share = 0.4m },
        ];

        var errors = Check(e => ServiceConsumer.ValidateSet(consumers, e));

        errors.ShouldContainKey("consumers");
        errors.ShouldContainKey("consumers[1].businessUnitId");
    }

    [Fact]
    public void BusinessOutcome_ValidOutcome_IsAccepted()
    {
        var outcome = new BusinessOutcome
        {
            ServiceId = ServiceId, Name = "Online orders", BusinessUnitId = Sales,
            YearlyValue = new Money(200_000_000, "EUR"), Basis = OutcomeBasis.RevenueEnabled, Contribution = 0.25m,
        };

        Check(e => outcome.Validate(e, "EUR")).ShouldBeEmpty();
    }

    [Fact]
    public void BusinessOutcome_ContributionAboveOneAndForeignCurrency_IsRefused()
    {
        var outcome = new BusinessOutcome
        {
            ServiceId = ServiceId, Name = "Audit passed", BusinessUnitId = Sales,
            YearlyValue = new Money(1, "USD"), Basis = OutcomeBasis.Regulatory, Contribution = 1.5m,
        };

        Check(e => outcome.Validate(e, "EUR")).Keys.ShouldBe(["yearlyValue.currency", "contribution"], ignoreOrder: true);
    }

    [Fact]
    public void CostItem_NegativeMonthlyCost_IsRefused()
    {
        var item = new CostItem { ServiceId = ServiceId, Name = "CRM licences", Monthly = new Money(-1, "EUR"), Category = CostCategory.Licences };

        Check(e => item.Validate(e, "EUR")).ShouldContainKey("monthly.minor");
    }

    [Fact]
    public void CostPool_FixedSharesAddingUpToOne_IsAccepted()
    {
        var pool = new CostPool
        {
            Name = "Data centre", Monthly = new Money(5_000_000, "EUR"), Basis = AllocationBasis.FixedShares,
            Shares = [new(Guid.NewGuid(), 0.3333m), new(Guid.NewGuid(), 0.3333m), new(Guid.NewGuid(), 0.3334m)],
        };

        Check(e => pool.Validate(e, "EUR")).ShouldBeEmpty();
    }

    [Fact]
    public void CostPool_FixedSharesNotAddingUpToOne_IsRefused()
    {
        var pool = new CostPool
        {
            Name = "Data centre", Monthly = new Money(5_000_000, "EUR"), Basis = AllocationBasis.FixedShares,
            Shares = [new(Guid.NewGuid(), 0.5m), new(Guid.NewGuid(), 0.3m)],
        };

        Check(e => pool.Validate(e, "EUR"))["shares"].ShouldHaveSingleItem().ShouldContain("exactly 1");
    }

    [Fact]
    public void CostPool_SameServiceTwice_IsRefused()
    {
        var service = Guid.NewGuid();
        var pool = new CostPool
        {
            Name = "Tooling", Monthly = new Money(100, "EUR"), Basis = AllocationBasis.FixedShares,
            Shares = [new(service, 0.5m), new(service, 0.5m)],
        };

        Check(e => pool.Validate(e, "EUR")).ShouldContainKey("shares[1].serviceId");
    }

    [Theory]
    [InlineData(AllocationBasis.Tickets)]
    [InlineData(AllocationBasis.ConsumingUsers)]
    public void CostPool_MeasuredBasisWithFixedShares_IsRefused(AllocationBasis basis)
    {
        var pool = new CostPool
        {
            Name = "Service desk tooling", Monthly = new Money(100, "EUR"), Basis = basis,
            Shares = [new(Guid.NewGuid(), 1m)],
        };

        Check(e => pool.Validate(e, "EUR")).ShouldContainKey("shares");
    }

    [Fact]
    public void CostPool_FixedSharesWithoutShares_IsRefused()
    {
        var pool = new CostPool { Name = "Tooling", Monthly = new Money(100, "EUR"), Basis = AllocationBasis.FixedShares };

        Check(e => pool.Validate(e, "EUR")).ShouldContainKey("shares");
    }
}
