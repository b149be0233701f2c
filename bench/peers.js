// The NLP libraries people run in web pages today, bundled for the benchmark page by
// scripts/bench.sh (esbuild, from npm): each takes the same text and does the nearest thing
// to what Article Annotator does.
import nlp from 'compromise';
import dates from 'compromise-dates';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

nlp.plugin(dates);
const wink = winkNLP(model);
const its = wink.its;

window.peers = {
  /** compromise + compromise-dates: people, places, organizations and dates. */
  compromise(text) {
    const doc = nlp(text);
    return {
      people: doc.people().out('array').length,
      places: doc.places().out('array').length,
      organizations: doc.organizations().out('array').length,
      dates: doc.dates().json().length,
    };
  },
  /** wink-nlp with its lite web model: named entities (dates among them). */
  wink(text) {
    const doc = wink.readDoc(text);
    return { entities: doc.entities().out(its.detail).length };
  },
};
