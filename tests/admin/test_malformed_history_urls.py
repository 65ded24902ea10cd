import pytest

from tests.factories import make_campaign


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("suffix", "status"),
    [
        ("{pk}/history/", 200),
        ("{pk}/change/history/", 404),
        ("abc/history/", 404),
        ("{pk}/history/999/", 404),
    ],
)
def test_history_urls_never_fail(admin_client, suffix, status):
    campaign = make_campaign()
    url = "/admin/campaigns/campaign/" + suffix.format(pk=campaign.pk)
    assert admin_client.get(url).status_code == status
