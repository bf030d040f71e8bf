/**
 * Cantonese-only characters and phrases (traditional and simplified forms): what people type to
 * each other in Hong Kong, never in the kiosk's own sentences (plain written Chinese in zh-HK),
 * never in Mandarin. 呢 counts only as "this" before a measure word (呢個, 呢課): as a sentence's
 * question particle (你呢？) it is written Chinese too.
 */
export const CANTONESE =
  /[咗嘅唔冇喺嚟啲佢嘢睇攞搵揾嗰噉咁咩乜晒俾畀]|聽日|听日|得閒|得闲|而家|推上推落|呢[個个部課课度條条張张次位間间]/;
