"""/search and /chat through HTTP, on the bundled corpus."""

from __future__ import annotations

import json

from click.testing import CliRunner

from vgraf.cli import cli


def test_search_answers_the_same_json_as_the_cli(client, api_settings, monkeypatch):
    params = {"q": "Vilka enheter arbetar med måltidsombud?", "top_k": 5}
    response = client.get("/search", params=params)
    assert response.status_code == 200
    body = response.json()
    assert [unit["unit"] for unit in body["units"][:2]] == ["Hägersten-Älvsjös hemtjänst", "Älvsjö servicehus"]
    monkeypatch.setenv("VGRAF_BUILD_DIR", str(api_settings.build_dir))
    monkeypatch.setenv("VGRAF_CACHE_DIR", str(api_settings.cache_dir))
    printed = CliRunner().invoke(cli, ["search", params["q"], "--top-k", "5", "--json"], catch_exceptions=False)
    assert json.loads(printed.output) == body


def test_search_filters_and_bad_parameters(client):
    response = client.get("/search", params={"q": "plast", "unit": "Glasade", "year": 2021, "unit_written": True})
    results = response.json()["results"]
    assert results and {hit["unit"] for hit in results} == {"Glasade Gången"}
    assert all(hit["author"] == "unit" for hit in results)
    assert client.get("/search", params={"q": "plast", "theme": "no-such-theme"}).status_code == 400
    invalid = client.get("/search", params={"q": "plast", "top_k": 0})
    assert invalid.status_code == 422
    assert "top_k" in invalid.json()["error"]["message"]
    assert client.get("/search").status_code == 422


def ask(client, *questions: str, session: str | None = None) -> dict:
    messages = [{"role": "user", "content": question} for question in questions]
    body = {"messages": messages} | ({"session": session} if session else {})
    response = client.post("/chat", json=body)
    assert response.status_code == 200, response.text
    return response.json()


def test_which_units_answer_names_units_with_quotes_and_citations(client):
    answer = ask(client, "Vilka enheter arbetar med måltidsombud?")
    assert answer["language"] == "sv" and answer["intent"] == "units"
    assert answer["units"] == ["Hägersten-Älvsjös hemtjänst", "Älvsjö servicehus"]
    assert answer["answer"].startswith("2 enheter skriver i sin egen text att de arbetar med måltidsombud:")
    first = answer["citations"][0]
    assert first["document"] == "vp-2025-hagersten-alvsjos-hemtjanst"
    assert first["quote"].startswith("Måltidsombuden fortsätter att kompetensutvecklas av stadsdelens dietist")
    assert first["node"].endswith("/goal-4/arbetssatt") and first["lines"] == [124, 143]
    assert "[1]" in answer["answer"] and "[2]" in answer["answer"]


def test_follow_up_is_answered_among_the_earlier_units(client):
    first = ask(client, "Vilka enheter arbetar med måltidsombud?")
    follow = client.post(
        "/chat",
        json={
            "messages": [
                {"role": "user", "content": "Vilka enheter arbetar med måltidsombud?"},
                {"role": "assistant", "content": first["answer"]},
                {"role": "user", "content": "Och vilka av dem arbetar med palliativ vård?"},
            ]
        },
    ).json()
    assert follow["units"] == ["Hägersten-Älvsjös hemtjänst"]
    assert "Älvsjö servicehus nämner det inte i sin egen text." in follow["answer"]
    assert "palliativa vården" in follow["citations"][0]["quote"]
    # Fruängsgården works on palliative care too, but was not among "them"
    assert "Fruängsgården" not in follow["answer"]


def test_follow_up_through_a_session(client):
    first = ask(client, "Vilka enheter arbetar med måltidsombud?")
    follow = ask(client, "Och vilka av dem arbetar med palliativ vård?", session=first["session"])
    assert follow["session"] == first["session"]
    assert follow["units"] == ["Hägersten-Älvsjös hemtjänst"]


def test_english_question_gets_an_english_answer(client):
    answer = ask(client, "Which units work on palliative care?")
    assert answer["language"] == "en"
    assert answer["answer"].startswith("2 units say in their own text that they work on palliative care:")
    assert answer["units"] == ["Fruängsgårdens vård- och omsorgsboende", "Hägersten-Älvsjös hemtjänst"]


def test_partly_met_goals_come_from_the_graph(client):
    none_2022 = ask(client, "Vilka enhetsmål uppfylldes bara delvis 2022?")
    assert none_2022["intent"] == "goal_status"
    assert none_2022["answer"].startswith("Inga enhetsmål bedömdes som delvis uppfyllda 2022")
    assert "2021 (Glasade Gången)" in none_2022["answer"]
    met_2021 = ask(client, "Which unit goals were only partly met in 2021?")
    assert [c["quote"] for c in met_2021["citations"]] == [
        "Medarbetare på Glasade Gångens dagliga verksamhet förbereds för att närma sig arbetsmarknaden.",
        "Enheten arbetar för att Hägersten-Älvsjö är en fossifri organisation år 2030",
        "Enheten är en god arbetsgivare med en god arbetsmiljö.",
    ]
    assert [c["lines"] for c in met_2021["citations"]] == [[189, 203], [641, 654], [780, 798]]


def test_activity_answer_has_dates_and_goal(client):
    answer = ask(client, "Vilka aktiviteter finns för plast?")
    assert answer["intent"] == "activities"
    assert "Förvaltningens verksamheter ska arbeta för att minska användningen av plast." in answer["answer"]
    assert "2022-01-01 – 2022-12-31" in answer["answer"]
    assert "under målet ”Hägersten-Älvsjö stadsdelsnämnd är en fossilfri organisation år 2030”" in answer["answer"]


def test_indicator_answer_has_values_by_period(client):
    answer = ask(client, "Hur hög är sjukfrånvaron?")
    assert answer["intent"] == "indicators"
    assert (
        "Sjukfrånvaro dag 1-14 — Beställarenheten äldre, 2022, VB 2022: utfall 2022: 2,1 %; tidigare utfall 2021: 1 %; mål 2022: 3,5 %"
        in answer["answer"]
    )


def test_chat_streams_server_sent_events(client):
    body = {"messages": [{"role": "user", "content": "Vilka enheter arbetar med måltidsombud?"}]}
    with client.stream("POST", "/chat", json=body, headers={"accept": "text/event-stream"}) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        text = "".join(response.iter_text())
    events = [block for block in text.split("\n\n") if block]
    deltas = [json.loads(e.split("data: ", 1)[1])["text"] for e in events if e.startswith("event: delta")]
    final = json.loads(events[-1].split("data: ", 1)[1])
    assert events[-1].startswith("event: answer")
    assert "".join(deltas) == final["answer"]
    assert final["units"] == ["Hägersten-Älvsjös hemtjänst", "Älvsjö servicehus"]


def test_chat_refuses_bad_conversations(client):
    assert client.post("/chat", json={"messages": []}).status_code == 422
    last_assistant = client.post("/chat", json={"messages": [{"role": "assistant", "content": "hej"}]})
    assert last_assistant.status_code == 400
    assert last_assistant.json()["error"]["message"] == "the last message must be the user's question"
    assert client.post("/chat", content=b"{not json", headers={"content-type": "application/json"}).status_code == 422
